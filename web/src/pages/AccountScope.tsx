import type { ComponentType } from "preact";
import type { Account } from "../api/types";
import { EmptyState } from "../components/EmptyState";
import { ErrorNotice } from "../components/ErrorNotice";
import { LoadingBlock } from "../components/Spinner";
import { useT } from "../i18n";
import { useAccounts } from "../state/accounts";

export type AccountPageProps = { account: Account; params: Record<string, string> };

/**
 * Wraps a page of one account: waits for the account list, answers an unknown
 * or hidden account id with a notice, and hands the page its account.
 */
export function accountPage(Page: ComponentType<AccountPageProps>) {
  return function AccountScoped({ params }: { params: Record<string, string> }) {
    const t = useT();
    const { current, loading, error, reload, urlAccountMissing } = useAccounts();

    if (error && !current) return <ErrorNotice error={error} onRetry={reload} variant="block" />;
    if (loading && !current) return <LoadingBlock />;
    if (urlAccountMissing || !current) {
      return (
        <EmptyState icon="account" title={t("error.title.not_found")} body={t("account.notFound")}>
          <a class="btn btn-primary" href="/accounts">
            {t("topbar.manageAccounts")}
          </a>
        </EmptyState>
      );
    }
    return <Page account={current} params={params} />;
  };
}
