import { listQrCodes } from "../../api/qrcodes";
import { getStatsSummary } from "../../api/stats";
import { ErrorNotice } from "../../components/ErrorNotice";
import { LivePill } from "../../components/LivePill";
import { PageHeader } from "../../components/PageHeader";
import { useApi } from "../../hooks/use-api";
import { useFormat } from "../../hooks/use-format";
import { useLiveRefresh } from "../../hooks/use-live";
import { useT } from "../../i18n";
import type { AccountPageProps } from "../AccountScope";
import { HeadlineNumbers } from "../qrcodes/detail/HeadlineNumbers";
import { RangePicker } from "../qrcodes/detail/RangePicker";
import { StatsChartCard } from "../qrcodes/detail/StatsChartCard";
import { useRange } from "../qrcodes/detail/use-range";
import { GroupTotalsCard } from "./GroupTotalsCard";
import { TopCodesCard } from "./TopCodesCard";

/** The account at a glance: totals over a range, per group, and the codes that bring most fans. */
export function OverviewPage({ account }: AccountPageProps) {
  const t = useT();
  const fmt = useFormat();
  const [range, setRange] = useRange();
  const summary = useApi(
    (signal) => getStatsSummary(account.id, range.range, signal),
    [account.id, range.range.from, range.range.to],
  );
  const top = useApi(
    (signal) => listQrCodes(account.id, { sort: "scanners", order: "desc", pageSize: 8 }, signal),
    [account.id],
  );
  const live = useLiveRefresh(account.id, () => {
    summary.reload();
    top.reload();
  });

  return (
    <div class="page">
      <PageHeader
        title={t("overview.title")}
        subtitle={t("overview.subtitle", { account: account.name })}
        actions={
          <>
            <LivePill on={live} />
            <RangePicker state={range} onChange={setRange} />
          </>
        }
      />
      {summary.error ? <ErrorNotice error={summary.error} onRetry={summary.reload} /> : null}
      <HeadlineNumbers numbers={summary.data?.account} hints={false} />
      {summary.data && summary.data.account.unknownScans > 0 ? (
        <div class="notice notice-warning">
          {t("overview.unknownScans", { count: summary.data.account.unknownScans })}
        </div>
      ) : null}
      <StatsChartCard
        stats={summary.data}
        range={range}
        createdDay={fmt.dayKey(account.createdAt)}
      />
      <div class="split split-even">
        <GroupTotalsCard summary={summary.data} />
        <TopCodesCard
          accountId={account.id}
          codes={top.data?.items.filter((c) => (c.numbers?.scanners ?? 0) > 0)}
          error={top.error}
        />
      </div>
    </div>
  );
}
