import { CopyButton } from "./CopyButton";

type CopyFieldProps = { label: string; value: string; hint?: string; wrap?: boolean };

/**
 * A read-only value with a copy button: webhook URLs, tokens, live links.
 * `wrap` shows the whole value over several lines, for what must be read
 * before it is pasted somewhere else.
 */
export function CopyField({ label, value, hint, wrap }: CopyFieldProps) {
  return (
    <div class="copy-field">
      <div class="copy-field-label">{label}</div>
      <div class="copy-field-row">
        {wrap ? (
          <div class="copy-field-box mono" data-testid="copy-value">
            {value}
          </div>
        ) : (
          <input
            class="input copy-field-value mono"
            readOnly
            value={value}
            aria-label={label}
            onFocus={(e) => e.currentTarget.select()}
          />
        )}
        <CopyButton value={value} />
      </div>
      {hint ? <div class="field-hint">{hint}</div> : null}
    </div>
  );
}
