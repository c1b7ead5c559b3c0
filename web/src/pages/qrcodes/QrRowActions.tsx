import type { QrCode } from "../../api/types";
import { Icon } from "../../components/Icon";
import { Menu, MenuItem } from "../../components/Menu";
import { useCan } from "../../hooks/use-role";
import { useT } from "../../i18n";

export type QrAction = "archive" | "unarchive" | "renew" | "delete";

type QrRowActionsProps = {
  code: QrCode;
  base: string;
  imageUrl: string;
  onAction: (code: QrCode, action: QrAction) => void;
};

export function QrRowActions({ code, base, imageUrl, onAction }: QrRowActionsProps) {
  const t = useT();
  const archived = code.state === "archived";
  // A viewer opens and downloads; edit, renew, archive and delete are an operator's.
  const canWrite = useCan("write");
  return (
    <div class="row-actions">
      <a
        class="icon-btn"
        href={imageUrl}
        download
        title={t("qr.downloadPng")}
        aria-label={t("qr.downloadPng")}
      >
        <Icon name="download" size={16} />
      </a>
      <Menu
        trigger={<Icon name="more" size={18} />}
        triggerClass="icon-btn"
        triggerLabel={t("common.actions")}
      >
        {(close) => (
          <>
            <MenuItem href={`${base}/${code.id}`} onSelect={close}>
              <Icon name="chart" size={15} />
              {t("qr.view")}
            </MenuItem>
            <MenuItem href={`${base}/${code.id}/edit`} onSelect={close}>
              <Icon name={canWrite ? "edit" : "file"} size={15} />
              {t(canWrite ? "common.edit" : "roles.viewSettings")}
            </MenuItem>
            {canWrite && code.kind === "temporary" && !archived ? (
              <MenuItem
                onSelect={() => {
                  close();
                  onAction(code, "renew");
                }}
              >
                <Icon name="refresh" size={15} />
                {t("qr.renew")}
              </MenuItem>
            ) : null}
            {canWrite ? (
              <>
                <MenuItem
                  onSelect={() => {
                    close();
                    onAction(code, archived ? "unarchive" : "archive");
                  }}
                >
                  <Icon name="archive" size={15} />
                  {t(archived ? "qr.unarchive" : "qr.archive")}
                </MenuItem>
                <div class="menu-divider" />
                <MenuItem
                  danger
                  onSelect={() => {
                    close();
                    onAction(code, "delete");
                  }}
                >
                  <Icon name="trash" size={15} />
                  {t("common.delete")}
                </MenuItem>
              </>
            ) : null}
          </>
        )}
      </Menu>
    </div>
  );
}
