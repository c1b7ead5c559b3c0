import { useState } from "preact/hooks";
import type { AuditEntry } from "../../api/audit";
import { useT } from "../../i18n";
import { AuditValue } from "./AuditValue";
import { auditDiff, type DiffRow } from "./audit-diff";
import { fieldLabel } from "./audit-labels";

function FieldName({ field }: { field: string }) {
  const t = useT();
  const label = fieldLabel(t, field);
  return (
    <>
      {label ?? <span class="mono">{field}</span>}
      {label ? <div class="cell-sub mono">{field}</div> : null}
    </>
  );
}

/** "both" for an update; a creation has only after, a deletion only before. */
type Sides = "both" | "before" | "after";

function DiffLine({ row, sides }: { row: DiffRow; sides: Sides }) {
  return (
    <tr class={`audit-diff-${row.kind}`}>
      <td class="audit-diff-field">
        <FieldName field={row.field} />
      </td>
      {sides !== "after" ? (
        <td class="audit-diff-before">
          {row.before === undefined ? null : <AuditValue field={row.field} value={row.before} />}
        </td>
      ) : null}
      {sides !== "before" ? (
        <td class="audit-diff-after">
          {row.after === undefined ? null : <AuditValue field={row.field} value={row.after} />}
        </td>
      ) : null}
    </tr>
  );
}

/** Before and after of one change, field by field; fields that stayed the same fold away. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const [showSame, setShowSame] = useState(false);
  const rows = auditDiff(entry.before, entry.after);
  const changed = rows.filter((r) => r.kind !== "same");
  const unchanged = rows.length - changed.length;
  const sides: Sides = !entry.before ? "after" : !entry.after ? "before" : "both";

  if (rows.length === 0) return <div class="muted small">{t("audit.noDetails")}</div>;
  return (
    <div class="audit-diff" data-testid="audit-diff">
      <table class="table table-compact">
        <thead>
          <tr>
            <th>{t("audit.field")}</th>
            {sides === "both" ? <th>{t("audit.before")}</th> : null}
            {sides === "both" ? <th>{t("audit.after")}</th> : null}
            {sides === "after" ? <th>{t("audit.created")}</th> : null}
            {sides === "before" ? <th>{t("audit.deleted")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {(showSame ? rows : changed).map((row) => (
            <DiffLine key={row.field} row={row} sides={sides} />
          ))}
        </tbody>
      </table>
      <div class="audit-diff-foot">
        {unchanged > 0 ? (
          <button type="button" class="btn btn-sm btn-ghost" onClick={() => setShowSame((s) => !s)}>
            {t(showSame ? "audit.hideUnchanged" : "audit.showUnchanged", { n: unchanged })}
          </button>
        ) : null}
        <span class="spacer" />
        {entry.requestId ? (
          <span class="muted small">
            {t("common.requestId")} <code>{entry.requestId}</code>
          </span>
        ) : null}
      </div>
    </div>
  );
}
