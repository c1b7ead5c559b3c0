import { type MessageKey, useT } from "../../../i18n";
import { RANGE_PRESETS, type RangePreset, type RangeState } from "./use-range";

type RangePickerProps = {
  state: RangeState;
  onChange: (next: { preset: RangePreset; from?: string; to?: string }) => void;
};

/** Presets for the usual questions, and two date fields for the rest. */
export function RangePicker({ state, onChange }: RangePickerProps) {
  const t = useT();
  const from = state.range.from ?? "";
  const to = state.range.to ?? "";
  return (
    <div class="range-picker">
      <div class="segmented">
        {RANGE_PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            class={`segmented-item${state.preset === p ? " is-active" : ""}`}
            aria-pressed={state.preset === p}
            onClick={() => onChange({ preset: p })}
          >
            {t(`detail.range.${p}` as MessageKey)}
          </button>
        ))}
      </div>
      <div class={`range-dates${state.preset === "custom" ? " is-active" : ""}`}>
        <input
          type="date"
          class="input input-date"
          aria-label={t("detail.rangeFrom")}
          value={from}
          max={to || state.today}
          onChange={(e) => onChange({ preset: "custom", from: e.currentTarget.value, to })}
        />
        <span class="muted">–</span>
        <input
          type="date"
          class="input input-date"
          aria-label={t("detail.rangeTo")}
          value={to}
          min={from}
          max={state.today}
          onChange={(e) => onChange({ preset: "custom", from, to: e.currentTarget.value })}
        />
      </div>
    </div>
  );
}
