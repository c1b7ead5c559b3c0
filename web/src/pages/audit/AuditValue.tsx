import { useFormat } from "../../hooks/use-format";
import { type MessageKey, useT } from "../../i18n";
import { useAccounts } from "../../state/accounts";

const REDACTED = "[redacted]";
const ROLE_FIELDS = new Set(["role"]);
// Milliseconds since 1970 between 2001 and 2286: fields named *At holding one are times.
const looksLikeTime = (field: string, v: number) => /At$/.test(field) && v > 1e12 && v < 1e13;

/** One recorded value as a person reads it: times, roles and account names, not raw JSON. */
export function AuditValue({ field, value }: { field: string; value: unknown }) {
  const t = useT();
  const fmt = useFormat();
  const { accounts } = useAccounts();
  const accountName = (id: string) => accounts.find((a) => a.id === id)?.name;

  if (value === undefined || value === null || value === "") return <span class="muted">—</span>;
  if (value === REDACTED) return <span class="audit-redacted">{t("audit.redacted")}</span>;
  if (typeof value === "boolean") return <>{t(value ? "common.yes" : "common.no")}</>;
  if (typeof value === "number") {
    return <>{looksLikeTime(field, value) ? fmt.dateTime(value) : fmt.number(value)}</>;
  }
  if (typeof value === "string") {
    if (ROLE_FIELDS.has(field)) return <>{t(`auth.role.${value}` as MessageKey)}</>;
    const word = `audit.value.${field}.${value}` as MessageKey;
    if (t(word) !== word) return <>{t(word)}</>;
    const name = accountName(value);
    return name ? <span title={value}>{name}</span> : <span class="audit-text">{value}</span>;
  }
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
    if (value.length === 0) return <span class="muted">{t("audit.emptyList")}</span>;
    return (
      <div class="chips chips-sm">
        {value.map((v) => (
          <span key={v} class="chip chip-static" title={v}>
            {accountName(v) ?? v}
          </span>
        ))}
      </div>
    );
  }
  return <pre class="audit-json">{JSON.stringify(value, null, 2)}</pre>;
}
