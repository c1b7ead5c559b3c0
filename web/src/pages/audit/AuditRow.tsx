import type { AuditEntry } from "../../api/audit";
import type { User } from "../../api/users";
import { Icon } from "../../components/Icon";
import { useFormat } from "../../hooks/use-format";
import { useT } from "../../i18n";
import { useAccounts } from "../../state/accounts";
import { AuditDiff } from "./AuditDiff";
import { auditDiff, changedFields } from "./audit-diff";
import { actionLabel, entityHref, entityLabel, fieldLabel } from "./audit-labels";

const SUMMARY_FIELDS = 3;
export const AUDIT_COLUMNS = 6;

type AuditRowProps = {
  entry: AuditEntry;
  users: User[];
  open: boolean;
  onToggle: () => void;
};

function Who({ userId, users }: { userId: string | null; users: User[] }) {
  const t = useT();
  if (!userId) return <span class="muted">{t("audit.system")}</span>;
  const user = users.find((u) => u.id === userId);
  if (!user) return <span class="mono small">{userId}</span>;
  return (
    <>
      <div class="strong">{user.name || user.email}</div>
      {user.name ? <div class="cell-sub">{user.email}</div> : null}
    </>
  );
}

/** What the changed thing is called: a user's name, else the name the entry recorded. */
function subjectName(entry: AuditEntry, users: User[]): string | null {
  if (entry.entityType === "user") {
    const user = users.find((u) => u.id === entry.entityId);
    return user ? user.name || user.email : null;
  }
  const name = entry.after?.name ?? entry.before?.name ?? entry.after?.fileName;
  return typeof name === "string" && name ? name : null;
}

export function AuditRow({ entry, users, open, onToggle }: AuditRowProps) {
  const t = useT();
  const fmt = useFormat();
  const { accounts } = useAccounts();
  const fields = changedFields(auditDiff(entry.before, entry.after));
  const href = entityHref(entry);
  const account = entry.accountId ? accounts.find((a) => a.id === entry.accountId) : undefined;
  // The id is the object column already; the summary names what was set or changed.
  const named = fields.filter((f) => f !== "id");
  const summary = named.slice(0, SUMMARY_FIELDS).map((f) => fieldLabel(t, f) ?? f);
  const subject = subjectName(entry, users);

  return (
    <>
      <tr data-testid="audit-row" class={`audit-row${open ? " is-open" : ""}`}>
        <td class="nowrap muted">{fmt.dateTime(entry.createdAt)}</td>
        <td>
          <Who userId={entry.userId} users={users} />
        </td>
        <td>
          <div class="strong">{actionLabel(t, entry.action)}</div>
          <div class="cell-sub mono">{entry.action}</div>
        </td>
        <td>
          <div>
            {entityLabel(t, entry.entityType)}
            {subject ? <span class="strong"> · {subject}</span> : null}
          </div>
          {href ? (
            <a class="table-link mono small" href={href}>
              {entry.entityId}
            </a>
          ) : (
            <div class="cell-sub mono">{entry.entityId}</div>
          )}
          {entry.accountId ? <div class="cell-sub">{account?.name ?? entry.accountId}</div> : null}
        </td>
        <td class="audit-summary">
          {summary.length ? summary.join(t("audit.listSeparator")) : <span class="muted">—</span>}
          {named.length > SUMMARY_FIELDS ? (
            <span class="muted">
              {" "}
              {t("audit.moreFields", { n: named.length - SUMMARY_FIELDS })}
            </span>
          ) : null}
        </td>
        <td class="col-actions">
          <button
            type="button"
            class="btn btn-sm btn-ghost"
            aria-expanded={open}
            onClick={onToggle}
          >
            {t(open ? "audit.hideChanges" : "audit.showChanges")}
            <Icon name={open ? "chevronDown" : "chevronRight"} size={13} />
          </button>
        </td>
      </tr>
      {open ? (
        <tr class="row-detail">
          <td colSpan={AUDIT_COLUMNS}>
            <AuditDiff entry={entry} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
