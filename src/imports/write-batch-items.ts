import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { jobItems } from "../db/schema";
import { findOrCreateGroup } from "../groups/find-or-create-group";
import type { BatchCreateParams, BatchItemInput, BatchRowFailure } from "./batch-params";
import type { StoredImport } from "./import-store";
import { problemReason } from "./problem-reasons";
import { BLOCKING_PROBLEMS, type ImportRow } from "./schemas";
import { loadTagNameMaps, type TagNameMaps } from "./tag-names";

/** Rows per INSERT: one JSON parameter of about 75 KB, under D1's statement limits. */
const ITEMS_PER_INSERT = 500;

type ItemRecord = { i: number; s: "pending" | "failed"; in: BatchItemInput; e: string | null };

/**
 * Writes one job item per row of the import, in file order. Rows that cannot
 * be created, and rows with any problem when the operator chose to skip them,
 * are written already failed with the reason, so they are reported, not lost.
 * `ON CONFLICT DO NOTHING` makes a repeat after a crash harmless.
 */
export async function writeBatchItems(
  db: Db,
  jobId: string,
  params: BatchCreateParams,
  record: StoredImport,
): Promise<void> {
  const tags = await loadTagNameMaps(db, record.accountId);
  const groups = await rowGroups(db, record);
  const items = record.rows.map((row, i) => itemRecord(row, i, params, tags, groups));

  const statements = [];
  for (let at = 0; at < items.length; at += ITEMS_PER_INSERT) {
    const chunk = JSON.stringify(items.slice(at, at + ITEMS_PER_INSERT));
    // Selected columns follow the table's order: job_id, row_index, status, input, error,
    // result_id. `where true` is SQLite's required disambiguation of SELECT before ON CONFLICT.
    statements.push(
      db
        .insert(jobItems)
        .select(
          sql`select ${jobId}, json_extract(value, '$.i'), json_extract(value, '$.s'),
                json_extract(value, '$.in'), json_extract(value, '$.e'), null
              from json_each(${chunk}) where true`,
        )
        .onConflictDoNothing(),
    );
  }
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}

/** The groups named in the file's group column, made when missing. */
async function rowGroups(db: Db, record: StoredImport): Promise<Map<string, string>> {
  const names = [...new Set(record.rows.map((r) => r.group).filter(Boolean))];
  const out = new Map<string, string>();
  for (const name of names.map((n) => n.slice(0, 64))) {
    out.set(name, (await findOrCreateGroup(db, record.accountId, name)).id);
  }
  return out;
}

function itemRecord(
  row: ImportRow,
  index: number,
  params: BatchCreateParams,
  tags: TagNameMaps,
  groups: Map<string, string>,
): ItemRecord {
  const fanTagIds = row.fanTags.map((t) => tags.fanTags.get(t));
  const memberTagIds = row.memberTags.map((t) => tags.memberTags.get(t));
  const input: BatchItemInput = {
    row: row.row,
    name: row.name,
    groupId: (row.group && groups.get(row.group.slice(0, 64))) || params.settings.groupId,
    fanTagIds: [...new Set([...params.settings.fanTagIds, ...fanTagIds.filter(isNumber)])],
    memberTagIds: [...new Set([...params.settings.memberTagIds, ...memberTagIds.filter(isString)])],
  };

  // Tags are checked again here: they may have changed since the preview.
  const problems = [...row.problems];
  if (fanTagIds.some((t) => t === undefined) && !problems.includes("unknown_fan_tag")) {
    problems.push("unknown_fan_tag");
  }
  if (memberTagIds.some((t) => t === undefined) && !problems.includes("unknown_member_tag")) {
    problems.push("unknown_member_tag");
  }
  const blocking = problems.filter((p) => BLOCKING_PROBLEMS.has(p));
  const failing = params.skipProblemRows ? problems : blocking;
  const [problem] = failing;
  if (!problem) return { i: index, s: "pending", in: input, e: null };

  const prefix = blocking.length ? "" : "Skipped: ";
  const failure: BatchRowFailure = {
    row: row.row,
    name: row.name,
    errcode: null,
    reason: prefix + failing.map((p) => problemReason(p, row)).join("; "),
  };
  return { i: index, s: "failed", in: input, e: JSON.stringify(failure) };
}

const isNumber = (v: number | undefined): v is number => v !== undefined;
const isString = (v: string | undefined): v is string => v !== undefined;
