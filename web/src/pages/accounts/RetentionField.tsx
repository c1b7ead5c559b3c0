import { Field } from "../../components/Field";
import { useT } from "../../i18n";
import { retentionChoices } from "./account-form-state";

type RetentionFieldProps = { value: number; onChange: (days: number) => void };

/**
 * How long raw scan records are kept. The cron removes older ones and their
 * exports; the codes' numbers are rollups and never go, which the hint says.
 */
export function RetentionField({ value, onChange }: RetentionFieldProps) {
  const t = useT();
  return (
    <Field
      label={t("account.scanRetention")}
      htmlFor="account-scanRetentionDays"
      hint={t("account.scanRetentionHint")}
    >
      <select
        id="account-scanRetentionDays"
        name="scanRetentionDays"
        class="select"
        value={value}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
      >
        {retentionChoices(value).map((days) => (
          <option key={days} value={days}>
            {days === 0 ? t("account.retainForever") : t("account.retainDays", { days })}
          </option>
        ))}
      </select>
    </Field>
  );
}
