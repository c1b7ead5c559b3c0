import type { ComponentChildren } from "preact";

type FieldProps = {
  label: ComponentChildren;
  /** The id of the control, so the label focuses it. */
  htmlFor?: string;
  hint?: ComponentChildren;
  error?: string | null;
  optional?: string;
  children: ComponentChildren;
};

export function Field({ label, htmlFor, hint, error, optional, children }: FieldProps) {
  return (
    <div class={`field${error ? " has-error" : ""}`}>
      <label class="field-label" for={htmlFor}>
        {label}
        {optional ? <span class="field-optional">{optional}</span> : null}
      </label>
      {children}
      {error ? (
        <div class="field-error">{error}</div>
      ) : hint ? (
        <div class="field-hint">{hint}</div>
      ) : null}
    </div>
  );
}
