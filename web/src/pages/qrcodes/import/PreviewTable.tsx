import { useState } from "preact/hooks";
import type { ImportPreview, ImportProblem, ImportRow } from "../../../api/types";
import { Badge } from "../../../components/Badge";
import { useFormat } from "../../../hooks/use-format";
import { type MessageKey, useT } from "../../../i18n";

/** Mirrors BLOCKING_PROBLEMS of src/imports/schemas.ts: these rows cannot become codes. */
const BLOCKING: ReadonlySet<ImportProblem> = new Set([
  "empty_name",
  "name_too_long",
  "unknown_fan_tag",
  "unknown_member_tag",
]);
const SHOWN = 500;

export const isBlocking = (row: ImportRow) => row.problems.some((p) => BLOCKING.has(p));

function ProblemBadges({ row }: { row: ImportRow }) {
  const t = useT();
  if (row.problems.length === 0) return <Badge tone="success">{t("import.ok")}</Badge>;
  return (
    <div class="chips">
      {row.problems.map((p) => (
        <Badge key={p} tone={BLOCKING.has(p) ? "danger" : "warning"}>
          {t(`import.problem.${p}` as MessageKey, { row: row.duplicateOfRow ?? "?" })}
        </Badge>
      ))}
    </div>
  );
}

/** The rows as the file has them, problems highlighted; large files show their first rows. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const t = useT();
  const fmt = useFormat();
  const [onlyProblems, setOnlyProblems] = useState(preview.problemCount > 0);
  const rows = onlyProblems ? preview.rows.filter((r) => r.problems.length > 0) : preview.rows;

  return (
    <div class="card card-flush" data-testid="import-preview">
      <div class="card-head">
        <div>
          <div class="strong">
            {t("import.summary", {
              total: fmt.number(preview.total),
              problems: fmt.number(preview.problemCount),
            })}
          </div>
          <div class="cell-sub">
            {t("import.file", {
              name: preview.fileName,
              format: preview.format.toUpperCase(),
              encoding: preview.encoding ? ` · ${preview.encoding.toUpperCase()}` : "",
            })}
          </div>
        </div>
        <div class="spacer" />
        <label class="switch">
          <input
            type="checkbox"
            checked={onlyProblems}
            onChange={(e) => setOnlyProblems(e.currentTarget.checked)}
          />
          <span class="switch-track" />
          <span>{t("import.onlyProblems")}</span>
        </label>
      </div>
      <div class="table-scroll preview-scroll">
        <table class="table table-compact">
          <thead>
            <tr>
              <th class="col-narrow num">{t("import.col.row")}</th>
              <th>{t("import.col.name")}</th>
              <th>{t("import.col.group")}</th>
              <th>{t("import.col.tags")}</th>
              <th>{t("import.col.problems")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map((r) => (
              <tr
                key={r.row}
                class={isBlocking(r) ? "row-error" : r.problems.length ? "row-warning" : undefined}
                data-testid="import-row"
              >
                <td class="num muted">{r.row}</td>
                <td class="strong">{r.name || <span class="muted">—</span>}</td>
                <td>{r.group || <span class="muted">—</span>}</td>
                <td class="muted small">{[...r.fanTags, ...r.memberTags].join("、") || "—"}</td>
                <td>
                  <ProblemBadges row={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > SHOWN ? (
        <div class="table-footnote">
          {t("import.moreRows", { shown: fmt.number(SHOWN), total: fmt.number(rows.length) })}
        </div>
      ) : null}
    </div>
  );
}
