import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { deadLetters, jobs } from "../db/schema";
import { jobMessageSchema } from "../jobs/messages";
import type { DeadLetterRow } from "./list-dead-letters";
import { DEAD_LETTER_JOB_ERROR } from "./record-dead-letter";

export type DecideResult =
  | { ok: true; deadLetter: DeadLetterRow }
  | { ok: false; reason: "not_open" | "unreadable" };

/**
 * Sends the stored body to the jobs queue again. The handlers resume from
 * what D1 holds (a batch asks WeChat only for rows without a stored code),
 * so a message that had half succeeded does not do its work twice. A job
 * the dead letter had stopped is reopened first, or its runner would see it
 * ended and do nothing. A body no handler reads would only fail again.
 */
export async function retryDeadLetter(env: Env, db: Db, row: DeadLetterRow): Promise<DecideResult> {
  if (row.status !== "open") return { ok: false, reason: "not_open" };
  const message = jobMessageSchema.safeParse(row.body);
  if (!message.success) return { ok: false, reason: "unreadable" };

  const now = Date.now();
  const [marked] = await db.batch([
    closeIfOpen(db, row.id, { status: "retried", retriedAt: now }),
    reopenStoppedJob(db, row, now),
  ]);
  const deadLetter = marked[0];
  if (!deadLetter) return { ok: false, reason: "not_open" };

  try {
    await env.JOBS.send(message.data);
  } catch (err) {
    await undoRetry(db, row);
    throw err;
  }
  return { ok: true, deadLetter };
}

/** Marks the dead letter discarded: kept for the record, never sent again. */
export async function discardDeadLetter(db: Db, row: DeadLetterRow): Promise<DecideResult> {
  if (row.status !== "open") return { ok: false, reason: "not_open" };
  const [deadLetter] = await closeIfOpen(db, row.id, {
    status: "discarded",
    discardedAt: Date.now(),
  });
  return deadLetter ? { ok: true, deadLetter } : { ok: false, reason: "not_open" };
}

/** Only an open dead letter changes, so two clicks at once send the message once. */
function closeIfOpen(db: Db, id: string, change: Partial<DeadLetterRow>) {
  return db
    .update(deadLetters)
    .set(change)
    .where(and(eq(deadLetters.id, id), eq(deadLetters.status, "open")))
    .returning();
}

/** Runs in the batch after closeIfOpen, and only when that marked this dead letter retried. */
function reopenStoppedJob(db: Db, row: DeadLetterRow, now: number) {
  const retriedNow = sql`exists (select 1 from ${deadLetters} where ${deadLetters.id} = ${row.id}
    and ${deadLetters.status} = 'retried' and ${deadLetters.retriedAt} = ${now})`;
  return db
    .update(jobs)
    .set({ status: "queued", error: null, finishedAt: null, updatedAt: now })
    .where(
      and(
        eq(jobs.id, row.jobId ?? ""),
        eq(jobs.status, "failed"),
        eq(jobs.error, DEAD_LETTER_JOB_ERROR),
        retriedNow,
      ),
    );
}

/** The queue refused the message: the dead letter is open again, its job stopped again. */
async function undoRetry(db: Db, row: DeadLetterRow) {
  const now = Date.now();
  await db.batch([
    db
      .update(deadLetters)
      .set({ status: "open", retriedAt: null })
      .where(eq(deadLetters.id, row.id)),
    db
      .update(jobs)
      .set({ status: "failed", error: DEAD_LETTER_JOB_ERROR, finishedAt: now, updatedAt: now })
      .where(and(eq(jobs.id, row.jobId ?? ""), eq(jobs.status, "queued"))),
  ]);
}
