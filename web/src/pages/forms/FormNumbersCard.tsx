import type { DayRange } from "../../api/stats";
import { ErrorNotice } from "../../components/ErrorNotice";
import { useApi } from "../../hooks/use-api";
import { useFormat } from "../../hooks/use-format";
import { useT } from "../../i18n";
import { getFormNumbers } from "./forms-api";

type FormNumbersCardProps = { accountId: string; qrcodeId: string; range: DayRange };

/** Beside a code's scan numbers, over the same days: its form opened, submitted, and contacts it reached. */
export function FormNumbersCard({ accountId, qrcodeId, range }: FormNumbersCardProps) {
  const t = useT();
  const fmt = useFormat();
  const state = useApi(
    (signal) => getFormNumbers(accountId, qrcodeId, range, signal),
    [accountId, qrcodeId, range.from, range.to],
  );
  if (state.error) return <ErrorNotice error={state.error} onRetry={state.reload} />;
  const n = state.data;
  const items = [
    ["forms.numbers.opened", n?.opened],
    ["forms.numbers.submitted", n?.submitted],
    ["forms.numbers.matched", n?.matched],
  ] as const;
  return (
    <section class="card card-pad" data-testid="form-numbers">
      <h2 class="card-title">{t("forms.numbers.title")}</h2>
      <div class="kpis">
        {items.map(([label, value]) => (
          <div class="kpi" key={label}>
            <div class="kpi-label">{t(label)}</div>
            <div class="kpi-value">{value === undefined ? "—" : fmt.number(value)}</div>
          </div>
        ))}
      </div>
    </section>
  );
}
