import type { CodeNumbers } from "../../../api/types";
import { SkeletonBlock } from "../../../components/Skeleton";
import { useFormat } from "../../../hooks/use-format";
import { type MessageKey, useT } from "../../../i18n";

const PRIMARY: (keyof CodeNumbers)[] = ["scanners", "newFollowers", "unfollows"];
const SECONDARY: (keyof CodeNumbers)[] = ["scans", "oldFans", "netNewFollowers"];

/** The three numbers the product is known by, large; the three that explain them, beside. */
export function HeadlineNumbers({
  numbers,
  hints = true,
}: {
  numbers: CodeNumbers | undefined;
  hints?: boolean;
}) {
  const t = useT();
  const fmt = useFormat();
  const value = (k: keyof CodeNumbers) =>
    numbers ? fmt.number(numbers[k]) : <SkeletonBlock height={28} width="60%" />;

  return (
    <div class="kpis" data-testid="headline-numbers">
      {PRIMARY.map((k) => (
        <div key={k} class={`kpi kpi-${k}`}>
          <div class="kpi-label">{t(`detail.headline.${k}` as MessageKey)}</div>
          <div class="kpi-value num">{value(k)}</div>
          {hints ? (
            <div class="kpi-hint">{t(`detail.headline.hint.${k}` as MessageKey)}</div>
          ) : null}
        </div>
      ))}
      <div class="kpi kpi-secondary">
        {SECONDARY.map((k) => (
          <div key={k} class="kpi-row">
            <span class="kpi-label">{t(`detail.headline.${k}` as MessageKey)}</span>
            <span class="num strong">{numbers ? fmt.number(numbers[k]) : "—"}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
