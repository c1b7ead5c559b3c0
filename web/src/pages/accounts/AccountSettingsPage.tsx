import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { deleteAccount, updateAccount } from "../../api/accounts";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { PageHeader } from "../../components/PageHeader";
import { useCan } from "../../hooks/use-role";
import { useT } from "../../i18n";
import { useAccounts } from "../../state/accounts";
import { useToast } from "../../state/toasts";
import type { AccountPageProps } from "../AccountScope";
import { ReadOnlyFieldset } from "../ReadOnlyFieldset";
import { AccountForm } from "./AccountForm";
import { toUpdateBody } from "./account-form-state";
import { ConnectionCheckCard } from "./ConnectionCheckCard";
import { WebhookCard } from "./WebhookCard";

export function AccountSettingsPage({ account }: AccountPageProps) {
  const t = useT();
  const { route } = useLocation();
  const { reload } = useAccounts();
  const toast = useToast();
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Settings, secrets and deletion are the admin routes; others read them, disabled.
  const isAdmin = useCan("admin");

  return (
    <div class="page">
      <PageHeader
        title={account.name}
        subtitle={t("account.editTitle")}
        back={{ href: "/accounts", label: t("account.title") }}
      />
      {isAdmin ? null : (
        <div class="notice notice-neutral" data-testid="settings-admin-only">
          {t("account.adminOnlyNotice")}
        </div>
      )}
      <div class="split">
        <div class="split-main">
          <div class="card">
            <ReadOnlyFieldset readOnly={!isAdmin}>
              <AccountForm
                key={account.id}
                account={account}
                submitLabel={t("common.save")}
                onSubmit={async (values) => {
                  await updateAccount(account.id, toUpdateBody(values));
                  toast.show(t("account.saved"));
                  reload();
                }}
              />
            </ReadOnlyFieldset>
          </div>
          {isAdmin ? (
            <div class="card card-danger">
              <div class="danger-row">
                <div>
                  <div class="danger-title">{t("account.dangerZone")}</div>
                  <div class="muted">{t("account.deleteBody")}</div>
                </div>
                <button
                  type="button"
                  class="btn btn-danger-outline"
                  onClick={() => setConfirmDelete(true)}
                >
                  {t("common.delete")}
                </button>
              </div>
            </div>
          ) : null}
        </div>
        <aside class="split-side">
          <WebhookCard account={account} />
          <ConnectionCheckCard account={account} onChecked={reload} />
        </aside>
      </div>
      {confirmDelete ? (
        <ConfirmDialog
          title={t("account.deleteTitle", { name: account.name })}
          body={t("account.deleteBody")}
          confirmLabel={t("common.delete")}
          danger
          onClose={() => setConfirmDelete(false)}
          onConfirm={async () => {
            await deleteAccount(account.id);
            toast.show(t("account.deleted"));
            reload();
            route("/accounts");
          }}
        />
      ) : null}
    </div>
  );
}
