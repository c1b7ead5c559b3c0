import { CopyButton } from "./CopyButton";

type CopyFieldProps = { label: string; value: string; hint?: string; mono?: boolean };

/** A read-only value with a copy button: webhook URLs, tokens, live links. */
export function CopyField({ label, value, hint, mono = true }: CopyFieldProps) {
  return (
    <div class="copy-field">
      <div class="copy-field-label">{label}</div>
      <div class="copy-field-row">
        <input
          class={`input copy-field-value${mono ? " mono" : ""}`}
          readOnly
          value={value}
          aria-label={label}
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton value={value} />
      </div>
      {hint ? <div class="field-hint">{hint}</div> : null}
    </div>
  );
}
