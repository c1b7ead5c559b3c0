import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { ApiError } from "../../../api/client";
import { deleteQrCode, qrCodeAction } from "../../../api/qrcodes";
import type { Account, QrCode } from "../../../api/types";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { errorSummary } from "../../../components/ErrorNotice";
import { Icon } from "../../../components/Icon";
import { LivePill } from "../../../components/LivePill";
import { PageHeader } from "../../../components/PageHeader";
import { useCan } from "../../../hooks/use-role";
import { type MessageKey, useT } from "../../../i18n";
import { useToast } from "../../../state/toasts";
import { ReadOnlyNote } from "../../ReadOnlyNote";
import { QrStateBadge } from "../QrStateBadge";
import { type CodeAction, CodeActionsMenu } from "./CodeActionsMenu";

type DetailHeaderProps = { account: Account; code: QrCode; live: boolean; onChanged: () => void };

export function DetailHeader({ account, code, live, onChanged }: DetailHeaderProps) {
  const t = useT();
  const toast = useToast();
  const { route } = useLocation();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const base = `/accounts/${account.id}/qrcodes`;
  const canWrite = useCan("write");

  const act = async (action: CodeAction) => {
    try {
      await qrCodeAction(account.id, code.id, action);
      toast.show(
        t(
          action === "renew"
            ? "qr.renewed"
            : action === "archive"
              ? "qr.archived"
              : "qr.unarchived",
        ),
      );
      onChanged();
    } catch (err) {
      if (err instanceof ApiError) toast.show(errorSummary(t, err), "error");
      else throw err;
    }
  };

  return (
    <>
      <PageHeader
        back={{ href: base, label: t("detail.backToList") }}
        title={code.name}
        subtitle={
          <span class="detail-meta">
            <span class={`kind-tag kind-${code.kind}`}>
              {t(`qr.kind.${code.kind}` as MessageKey)}
            </span>
            <QrStateBadge state={code.state} />
            <span>{code.groupName ?? t("qr.noGroup")}</span>
            <span>
              {t("qr.scene")} <span class="mono">{code.scene}</span>
            </span>
            <LivePill on={live} />
          </span>
        }
        actions={
          canWrite ? (
            <>
              <CodeActionsMenu
                code={code}
                onAction={(action) => void act(action)}
                onDelete={() => setConfirmDelete(true)}
              />
              <a class="btn btn-primary" href={`${base}/${code.id}/edit`}>
                <Icon name="edit" size={15} />
                {t("detail.edit")}
              </a>
            </>
          ) : (
            <>
              <ReadOnlyNote />
              <a class="btn" href={`${base}/${code.id}/edit`}>
                <Icon name="file" size={15} />
                {t("roles.viewSettings")}
              </a>
            </>
          )
        }
      />
      {confirmDelete ? (
        <ConfirmDialog
          title={t("qr.deleteTitle", { name: code.name })}
          body={t("qr.deleteBody")}
          confirmLabel={t("common.delete")}
          danger
          onClose={() => setConfirmDelete(false)}
          onConfirm={async () => {
            await deleteQrCode(account.id, code.id);
            toast.show(t("qr.deleted", { count: 1 }));
            route(base);
          }}
        />
      ) : null}
    </>
  );
}
