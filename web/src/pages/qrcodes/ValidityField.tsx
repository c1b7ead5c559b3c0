import { Field } from "../../components/Field";
import { useT } from "../../i18n";
import type { QrFormValues } from "./qr-form-state";

const PRESETS = [7, 15, 30];

type ValidityFieldProps = { values: QrFormValues; set: (patch: Partial<QrFormValues>) => void };

/** Days a temporary code's ticket lasts (WeChat allows at most 30), and auto-renewal. */
export function ValidityField({ values, set }: ValidityFieldProps) {
  const t = useT();
  return (
    <div class="form-row">
      <Field label={t("qrform.validity")} htmlFor="qr-validity" hint={t("qrform.validityHint")}>
        <div class="row">
          <input
            id="qr-validity"
            name="validityDays"
            class="input input-number"
            type="number"
            min={1}
            max={30}
            required
            value={values.validityDays}
            onInput={(e) =>
              set({ validityDays: Math.min(30, Math.max(1, Number(e.currentTarget.value) || 1)) })
            }
          />
          <span class="muted">{t("qrform.days")}</span>
          <div class="segmented segmented-sm">
            {PRESETS.map((d) => (
              <button
                key={d}
                type="button"
                class={`segmented-item${values.validityDays === d ? " is-active" : ""}`}
                onClick={() => set({ validityDays: d })}
              >
                {t("qrform.validityDays", { days: d })}
              </button>
            ))}
          </div>
        </div>
      </Field>
      <Field label={t("qr.autoRenew")} hint={t("qrform.autoRenewHint")}>
        <label class="switch">
          <input
            type="checkbox"
            name="autoRenew"
            checked={values.autoRenew}
            onChange={(e) => set({ autoRenew: e.currentTarget.checked })}
          />
          <span class="switch-track" />
          <span>{t("qrform.autoRenewSwitch")}</span>
        </label>
      </Field>
    </div>
  );
}
