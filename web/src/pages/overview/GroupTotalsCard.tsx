import type { StatsSummary } from "../../api/types";
import { EmptyState } from "../../components/EmptyState";
import { SkeletonRows } from "../../components/Skeleton";
import { useFormat } from "../../hooks/use-format";
import { useT } from "../../i18n";

/** Each group's numbers over the range; the bar shows its share of the account's scanners. */
export function GroupTotalsCard({ summary }: { summary: StatsSummary | undefined }) {
  const t = useT();
  const fmt = useFormat();
  const total = Math.max(1, summary?.account.scanners ?? 0);
  const groups = [...(summary?.groups ?? [])].sort(
    (a, b) => b.numbers.scanners - a.numbers.scanners,
  );

  return (
    <section class="card card-flush">
      <div class="card-head">
        <h2 class="card-title">{t("overview.byGroup")}</h2>
      </div>
      {summary && groups.length === 0 ? (
        <EmptyState compact icon="folder" title={t("overview.noData")} />
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th>{t("qr.group")}</th>
              <th class="num">{t("qr.col.scanners")}</th>
              <th class="num">{t("qr.col.newFollowers")}</th>
              <th class="num">{t("qr.col.unfollows")}</th>
            </tr>
          </thead>
          <tbody>
            {!summary ? <SkeletonRows columns={4} rows={4} /> : null}
            {groups.map((g) => (
              <tr key={g.groupId ?? "none"}>
                <td>
                  <div class="strong">{g.name ?? t("qr.noGroup")}</div>
                  <div class="share-bar">
                    <span style={{ width: `${(g.numbers.scanners / total) * 100}%` }} />
                  </div>
                </td>
                <td class="num strong">{fmt.number(g.numbers.scanners)}</td>
                <td class="num">{fmt.number(g.numbers.newFollowers)}</td>
                <td class="num">{fmt.number(g.numbers.unfollows)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
