import { useLocation } from "preact-iso";
import { createAccount } from "../../api/accounts";
import { PageHeader } from "../../components/PageHeader";
import { useT } from "../../i18n";
import { useAccounts } from "../../state/accounts";
import { useToast } from "../../state/toasts";
import { adminPage } from "../AdminScope";
import { AccountForm } from "./AccountForm";
import { toCreateBody } from "./account-form-state";

function ConnectAccountPage() {
  const t = useT();
  const { route } = useLocation();
  const { reload } = useAccounts();
  const toast = useToast();

  return (
    <div class="page page-narrow">
      <PageHeader
        title={t("account.new")}
        back={{ href: "/accounts", label: t("account.title") }}
      />
      <div class="card">
        <AccountForm
          submitLabel={t("account.add")}
          onCancel={() => route("/accounts")}
          onSubmit={async (values) => {
            const account = await createAccount(toCreateBody(values));
            toast.show(t("account.created"));
            reload();
            // The next step is WeChat's admin: the settings page shows what to paste there.
            route(`/accounts/${account.id}/settings`);
          }}
        />
      </div>
    </div>
  );
}

/** Connecting an account needs an admin (POST /api/accounts); others read why it is closed. */
export const AccountCreatePage = adminPage(ConnectAccountPage);
