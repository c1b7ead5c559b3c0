export type DiffKind = "added" | "removed" | "changed" | "same";
export type DiffRow = { field: string; before: unknown; after: unknown; kind: DiffKind };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const present = (v: unknown) => v !== undefined && v !== null;

/**
 * Field by field what one change did: a creation lists what was set, a
 * deletion what was there, an update what differs (unchanged fields last).
 */
export function auditDiff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): DiffRow[] {
  const fields = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])];
  const rows = fields.map((field): DiffRow => {
    const b = before?.[field];
    const a = after?.[field];
    const kind: DiffKind = same(a, b)
      ? "same"
      : !present(b)
        ? "added"
        : !present(a)
          ? "removed"
          : "changed";
    return { field, before: b, after: a, kind };
  });
  return [...rows.filter((r) => r.kind !== "same"), ...rows.filter((r) => r.kind === "same")];
}

/** The fields an update changed, for the one-line summary of a row. */
export const changedFields = (rows: DiffRow[]) =>
  rows.filter((r) => r.kind !== "same").map((r) => r.field);
