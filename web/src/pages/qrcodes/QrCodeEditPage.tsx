import { useLocation } from "preact-iso";
import { getQrCode, updateQrCode } from "../../api/qrcodes";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Icon } from "../../components/Icon";
import { PageHeader } from "../../components/PageHeader";
import { LoadingBlock } from "../../components/Spinner";
import { useApi } from "../../hooks/use-api";
import { useCan } from "../../hooks/use-role";
import { useT } from "../../i18n";
import { useToast } from "../../state/toasts";
import type { AccountPageProps } from "../AccountScope";
import { QrCodeForm } from "./QrCodeForm";
import { initialQrValues, toUpdateBody } from "./qr-form-state";
import { useGroups } from "./use-groups";

/** Edits a code; a viewer reads the same settings and reply with every control disabled. */
export function QrCodeEditPage({ account, params }: AccountPageProps) {
  const t = useT();
  const toast = useToast();
  const { route } = useLocation();
  const readOnly = !useCan("write");
  const id = params.qrcodeId ?? "";
  const code = useApi((signal) => getQrCode(account.id, id, signal), [account.id, id]);
  const groups = useGroups(account.id);
  const detail = `/accounts/${account.id}/qrcodes/${id}`;

  return (
    <div class="page page-form">
      <PageHeader
        title={readOnly ? (code.data?.name ?? t("roles.viewSettings")) : t("qrform.editTitle")}
        back={{ href: detail, label: code.data?.name ?? t("qr.title") }}
      />
      {readOnly ? (
        <div class="notice notice-neutral" data-testid="read-only-notice">
          <Icon name="lock" size={15} />
          {t("roles.codeReadOnly")}
        </div>
      ) : null}
      {code.error ? <ErrorNotice error={code.error} onRetry={code.reload} variant="block" /> : null}
      {!code.data || !groups.data ? (
        code.error ? null : (
          <LoadingBlock />
        )
      ) : (
        <QrCodeForm
          account={account}
          initial={initialQrValues(code.data)}
          groups={groups.data}
          editing
          readOnly={readOnly}
          submitLabel={t("common.save")}
          cancelHref={detail}
          onSubmit={async (values) => {
            await updateQrCode(account.id, id, toUpdateBody(values));
            toast.show(t("qrform.saved"));
            route(detail);
          }}
        />
      )}
    </div>
  );
}
