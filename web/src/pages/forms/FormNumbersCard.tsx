import { ErrorNotice } from "../../components/ErrorNotice";
import { useApi } from "../../hooks/use-api";
import { useFormat } from "../../hooks/use-format";
import { useT } from "../../i18n";
import { getFormNumbers } from "./forms-api";

type FormNumbersCardProps = { accountId: string; qrcodeId: string; from?: number; to?: number };

/**
 * Beside a code's scan numbers: its form opened, submitted, and contacts it reached.
 * TODO(#6): to be placed on the code's detail page (pages/qrcodes/detail, not this
 * issue's file); the numbers are served by GET .../qrcodes/{id}/form-stats.
 */
export function FormNumbersCard({ accountId, qrcodeId }: FormNumbersCardProps) {
  const t = useT();
  const fmt = useFormat();
  const state = useApi(
    (signal) => getFormNumbers(accountId, qrcodeId, signal),
    [accountId, qrcodeId],
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
