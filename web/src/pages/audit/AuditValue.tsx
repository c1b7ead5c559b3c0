import { useFormat } from "../../hooks/use-format";
import { type MessageKey, useT } from "../../i18n";
import { useAccounts } from "../../state/accounts";
import { useNameOf } from "./use-audit-names";

const REDACTED = "[redacted]";
const ROLE_FIELDS = new Set(["role"]);
// Milliseconds since 1970 between 2001 and 2286: fields named *At holding one are times.
const looksLikeTime = (field: string, v: number) => /At$/.test(field) && v > 1e12 && v < 1e13;

type ReplyMessage = { type?: unknown; content?: unknown; title?: unknown; url?: unknown };

/** A code's reply as its messages in order: the kind of each and its text or title. */
function ReplyValue({ messages }: { messages: ReplyMessage[] }) {
  const t = useT();
  if (messages.length === 0) return <span class="muted">{t("audit.emptyList")}</span>;
  return (
    <ol class="audit-reply">
      {messages.map((m, i) => {
        const kind = t(`reply.type.${String(m.type)}` as MessageKey);
        const text = [m.content, m.title, m.url].find((v) => typeof v === "string" && v);
        // Messages have no id: their place in the reply is what identifies them.
        return (
          <li key={i}>
            <span class="strong">{kind}</span>
            {text ? <span class="audit-text"> · {String(text)}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** One recorded value as a person reads it: times, roles, account, group and tag names, not raw JSON. */
export function AuditValue({ field, value }: { field: string; value: unknown }) {
  const t = useT();
  const fmt = useFormat();
  const { accounts } = useAccounts();
  const nameOf = useNameOf();
  const named = (id: string) => accounts.find((a) => a.id === id)?.name ?? nameOf(id);

  if (field === "groupId" && value === null) return <span class="muted">{t("audit.noGroup")}</span>;
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
    const name = named(value);
    return name ? <span title={value}>{name}</span> : <span class="audit-text">{value}</span>;
  }
  if (field === "reply" && Array.isArray(value)) {
    return <ReplyValue messages={value.filter((m) => m && typeof m === "object")} />;
  }
  const scalars =
    Array.isArray(value) && value.every((v) => ["string", "number"].includes(typeof v));
  if (scalars) {
    if (value.length === 0) return <span class="muted">{t("audit.emptyList")}</span>;
    return (
      <div class="chips chips-sm">
        {value.map((v) => (
          <span key={String(v)} class="chip chip-static" title={String(v)}>
            {(typeof v === "string" && named(v)) || String(v)}
          </span>
        ))}
      </div>
    );
  }
  return <pre class="audit-json">{JSON.stringify(value, null, 2)}</pre>;
}
