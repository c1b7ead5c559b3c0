import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { useT } from "../../i18n";
import type { AccountPageProps } from "../AccountScope";

// TODO(#5): headline numbers and the daily chart from GET .../stats/summary once it lands.
export function OverviewPage({ account }: AccountPageProps) {
  const t = useT();
  return (
    <div class="page">
      <PageHeader
        title={t("overview.title")}
        subtitle={t("overview.subtitle", { account: account.name })}
      />
      <div class="card">
        <EmptyState icon="chart" title={t("common.comingSoon")} body={t("common.unavailable")}>
          <a class="btn btn-primary" href={`/accounts/${account.id}/qrcodes`}>
            {t("nav.qrcodes")}
          </a>
        </EmptyState>
      </div>
    </div>
  );
}
