import type { ComponentChildren } from "preact";
import "./roles.css";

type ReadOnlyFieldsetProps = { readOnly: boolean; class?: string; children: ComponentChildren };

/**
 * Holds a form's controls; read-only, the browser disables every one of them
 * at once, so a viewer reads the settings without a control that would fail.
 */
export function ReadOnlyFieldset({ readOnly, class: cls, children }: ReadOnlyFieldsetProps) {
  return (
    <fieldset
      class={`read-only-fieldset${cls ? ` ${cls}` : ""}`}
      disabled={readOnly}
      data-read-only={readOnly ? "" : undefined}
    >
      {children}
    </fieldset>
  );
}
