import { useMemo } from "preact/hooks";
import { useLocation } from "preact-iso";
import { createQrCode } from "../../api/qrcodes";
import { PageHeader } from "../../components/PageHeader";
import { LoadingBlock } from "../../components/Spinner";
import { useT } from "../../i18n";
import { useToast } from "../../state/toasts";
import type { AccountPageProps } from "../AccountScope";
import { writePage } from "../WriteScope";
import { QrCodeForm } from "./QrCodeForm";
import { initialQrValues, toCreateBody } from "./qr-form-state";
import { useGroups } from "./use-groups";

function CreateCodePage({ account }: AccountPageProps) {
  const t = useT();
  const toast = useToast();
  const { route, query } = useLocation();
  const groups = useGroups(account.id);
  const base = `/accounts/${account.id}/qrcodes`;
  // One key per visit to this form: a resubmit after a lost answer returns the same code.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);

  return (
    <div class="page page-form">
      <PageHeader
        title={t("qrform.createTitle")}
        back={{ href: base, label: t("detail.backToList") }}
      />
      {!groups.data && groups.loading ? (
        <LoadingBlock />
      ) : (
        <QrCodeForm
          account={account}
          initial={initialQrValues(undefined, query.groupId ?? "")}
          groups={groups.data ?? []}
          editing={false}
          submitLabel={t("qrform.submitCreate")}
          cancelHref={base}
          onSubmit={async (values) => {
            const code = await createQrCode(account.id, toCreateBody(values), idempotencyKey);
            toast.show(t("qrform.created"));
            route(`${base}/${code.id}`);
          }}
        />
      )}
    </div>
  );
}

/** Creating is an operator's: a viewer who follows a shared link reads why it is closed. */
export const QrCodeCreatePage = writePage(CreateCodePage);
