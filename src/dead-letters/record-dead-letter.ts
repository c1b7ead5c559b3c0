import { and, eq, inArray } from "drizzle-orm";
import { type Db, getDb } from "../db/client";
import { deadLetters, jobs } from "../db/schema";
import { newId } from "../lib/ids";
import { describeMessage } from "./describe-message";

/** The error a job shows while its message waits among the dead letters. */
export const DEAD_LETTER_JOB_ERROR =
  "Stopped after repeated failures; an admin can retry it from the dead letters";

/**
 * Records a message that exhausted its retries. A job it was running is
 * marked failed, so the console stops showing it as running; retrying the
 * dead letter reopens it (see decide-dead-letter.ts).
 */
export async function recordDeadLetter(
  env: Env,
  queue: string,
  body: unknown,
  attempts: number,
): Promise<string> {
  const db = getDb(env.DB);
  const described = await describeMessage(db, body);
  const id = newId("dlq");
  const now = Date.now();
  const insert = db
    .insert(deadLetters)
    .values({ id, queue, body, attempts, ...described, createdAt: now });
  if (described.jobId) await db.batch([insert, stopJob(db, described.jobId, now)]);
  else await insert;
  return id;
}

function stopJob(db: Db, jobId: string, now: number) {
  return db
    .update(jobs)
    .set({ status: "failed", error: DEAD_LETTER_JOB_ERROR, finishedAt: now, updatedAt: now })
    .where(and(eq(jobs.id, jobId), inArray(jobs.status, ["queued", "running"])));
}
