import { Icon } from "../components/Icon";
import { type MessageKey, useT } from "../i18n";
import "./roles.css";

type ReadOnlyNoteProps = { label?: MessageKey; hint?: MessageKey };

/**
 * Stands in a page header where the change buttons would be, for a role that
 * cannot use them: it says so and why, instead of a button the server refuses.
 */
export function ReadOnlyNote({
  label = "roles.readOnly",
  hint = "roles.readOnlyHint",
}: ReadOnlyNoteProps) {
  const t = useT();
  return (
    <span class="badge read-only-note" role="note" title={t(hint)} data-testid="read-only-note">
      <Icon name="lock" size={12} />
      {t(label)}
      <span class="visually-hidden">{t(hint)}</span>
    </span>
  );
}
