import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { type DeadLetterStatus, deadLetters, type JobType, jobs } from "../db/schema";
import type { DeadLetter } from "./schemas";

export type DeadLetterRow = typeof deadLetters.$inferSelect;

/** The most the list answers; older ones stay stored. */
export const LIST_LIMIT = 200;

/**
 * Owners see every dead letter; anyone else only those of accounts granted
 * to them. One with no account (an unreadable message, an export of
 * contacts) names no account to check, so it is for owners alone.
 */
export function visibleDeadLetterCondition(visible: string[] | "all"): SQL | undefined {
  if (visible === "all") return undefined;
  return sql`${deadLetters.accountId} in (select value from json_each(${JSON.stringify(visible)}))`;
}

export async function listDeadLetters(
  db: Db,
  visible: string[] | "all",
  status: DeadLetterStatus,
): Promise<DeadLetterRow[]> {
  return db
    .select()
    .from(deadLetters)
    .where(and(eq(deadLetters.status, status), visibleDeadLetterCondition(visible)))
    .orderBy(desc(deadLetters.createdAt), desc(deadLetters.id))
    .limit(LIST_LIMIT);
}

export async function findVisibleDeadLetter(
  db: Db,
  visible: string[] | "all",
  id: string,
): Promise<DeadLetterRow | undefined> {
  const [row] = await db
    .select()
    .from(deadLetters)
    .where(and(eq(deadLetters.id, id), visibleDeadLetterCondition(visible)))
    .limit(1);
  return row;
}

/** The types of the jobs the rows name, in one query (ids as one JSON parameter). */
export async function jobTypesOf(db: Db, rows: DeadLetterRow[]): Promise<Map<string, JobType>> {
  const ids = [...new Set(rows.flatMap((r) => (r.jobId ? [r.jobId] : [])))];
  if (ids.length === 0) return new Map();
  const found = await db
    .select({ id: jobs.id, type: jobs.type })
    .from(jobs)
    .where(sql`${jobs.id} in (select value from json_each(${JSON.stringify(ids)}))`);
  return new Map(found.map((j) => [j.id, j.type]));
}

/** The API view: the body stays stored and is never shown, as it may hold personal data. */
export function presentDeadLetter(row: DeadLetterRow, jobTypes: Map<string, JobType>): DeadLetter {
  return {
    id: row.id,
    queue: row.queue,
    type: row.type,
    accountId: row.accountId,
    jobId: row.jobId,
    jobType: row.jobId ? (jobTypes.get(row.jobId) ?? null) : null,
    summary: row.summary,
    lastError: row.lastError,
    attempts: row.attempts,
    status: row.status,
    createdAt: row.createdAt,
    retriedAt: row.retriedAt,
    discardedAt: row.discardedAt,
  };
}
