import type { DayNumbers } from "../../../api/types";
import { type ChartPoint, type ChartSeries, DailyChart } from "../../../components/DailyChart";
import { EmptyState } from "../../../components/EmptyState";
import { SkeletonBlock } from "../../../components/Skeleton";
import { useFormat } from "../../../hooks/use-format";
import { useT } from "../../../i18n";
import { daysBetween } from "../../../lib/days";
import type { RangeState } from "./use-range";

/** A code's daily series, or an account's (the sums of its codes' days). */
type Series = { series: DayNumbers[] };
type StatsChartCardProps = { stats: Series | undefined; range: RangeState; createdDay: string };

/** Every day of the range gets a slot, so quiet days show as zero instead of vanishing. */
function toPoints(stats: Series, range: RangeState, createdDay: string): ChartPoint[] {
  const byDay = new Map(stats.series.map((d) => [d.day, d]));
  const first = stats.series[0]?.day;
  const from = range.range.from ?? (first && first < createdDay ? first : createdDay);
  const to = range.range.to ?? range.today;
  return daysBetween(from, to).map((day) => {
    const d = byDay.get(day);
    return {
      day,
      values: {
        scanners: d?.scanners ?? 0,
        newFollowers: d?.newFollowers ?? 0,
        unfollows: d?.unfollows ?? 0,
      },
    };
  });
}

export function StatsChartCard({ stats, range, createdDay }: StatsChartCardProps) {
  const t = useT();
  const fmt = useFormat();
  const series: ChartSeries[] = [
    { key: "scanners", label: t("detail.headline.scanners"), color: "#b9e8cc", kind: "bar" },
    {
      key: "newFollowers",
      label: t("detail.headline.newFollowers"),
      color: "#07c160",
      kind: "line",
    },
    { key: "unfollows", label: t("detail.headline.unfollows"), color: "#d83931", kind: "line" },
  ];
  const points = stats ? toPoints(stats, range, createdDay) : [];
  const empty = stats && stats.series.every((d) => d.scans === 0);

  return (
    <section class="card">
      <div class="card-title-row">
        <h2 class="card-title">{t("detail.chart")}</h2>
        <div class="legend">
          {series.map((s) => (
            <span key={s.key} class="legend-item">
              <span class="legend-dot" style={{ background: s.color }} />
              {s.label}
            </span>
          ))}
        </div>
      </div>
      {!stats ? (
        <SkeletonBlock height={220} />
      ) : empty ? (
        <EmptyState compact icon="chart" title={t("detail.chartEmpty")} />
      ) : (
        <DailyChart points={points} series={series} fmt={fmt} />
      )}
      <div class="chart-foot">{t("detail.chartFoot", { zone: fmt.timeZone })}</div>
    </section>
  );
}
