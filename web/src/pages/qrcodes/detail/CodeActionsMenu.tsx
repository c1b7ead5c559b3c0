import type { QrCode } from "../../../api/types";
import { Icon } from "../../../components/Icon";
import { Menu, MenuItem } from "../../../components/Menu";
import { useT } from "../../../i18n";

export type CodeAction = "archive" | "unarchive" | "renew";

type CodeActionsMenuProps = {
  code: QrCode;
  onAction: (action: CodeAction) => void;
  onDelete: () => void;
};

/** The detail page's "more" menu: renew a temporary code, archive or restore, delete. */
export function CodeActionsMenu({ code, onAction, onDelete }: CodeActionsMenuProps) {
  const t = useT();
  const archived = code.state === "archived";
  return (
    <Menu
      triggerClass="btn"
      triggerLabel={t("common.actions")}
      trigger={<Icon name="more" size={16} />}
    >
      {(close) => (
        <>
          {code.kind === "temporary" && !archived ? (
            <MenuItem
              onSelect={() => {
                close();
                onAction("renew");
              }}
            >
              <Icon name="refresh" size={15} />
              {t("qr.renew")}
            </MenuItem>
          ) : null}
          <MenuItem
            onSelect={() => {
              close();
              onAction(archived ? "unarchive" : "archive");
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
              onDelete();
            }}
          >
            <Icon name="trash" size={15} />
            {t("common.delete")}
          </MenuItem>
        </>
      )}
    </Menu>
  );
}
