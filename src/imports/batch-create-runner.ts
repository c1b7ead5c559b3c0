import { and, asc, eq, sql } from "drizzle-orm";
import { type Db, getDb } from "../db/client";
import { accounts, jobItems, jobs } from "../db/schema";
import type { JobMessage } from "../jobs/messages";
import { type JobRow, registerJobRunner } from "../jobs/runners";
import { finishJob, setJobProgress } from "../jobs/service";
import { log } from "../lib/log";
import type { WechatError } from "../wechat/errors";
import { type BatchRowFailure, batchCreateParamsSchema } from "./batch-params";
import { loadImport } from "./import-store";
import { failRemaining, runBatchSlice } from "./run-batch-slice";
import { writeBatchItems } from "./write-batch-items";

/** WeChat was busy this many times in one job: the rows left fail rather than wait forever. */
const MAX_PAUSES = 30;
/** The job result lists at most this many failed rows; job_items keeps them all. */
const MAX_LISTED_FAILURES = 1000;

/**
 * `qrcode_batch_create`: writes the job items once, then creates one slice
 * of rows per queue message and queues the next message itself, so 10,000
 * rows never have to fit one invocation and no retry budget is spent on
 * ordinary progress. Every step is resumable from what D1 holds.
 */
export async function runBatchCreate(env: Env, job: JobRow) {
  const db = getDb(env.DB);
  const params = batchCreateParamsSchema.parse(job.params);
  const account = await db.query.accounts.findFirst({
    where: eq(accounts.id, job.accountId ?? ""),
  });
  if (!account || account.deletedAt !== null) {
    await finishJob(db, job.id, { status: "failed", error: "The account was deleted" });
    return { retry: false } as const;
  }

  if (!(await itemsWritten(db, job))) {
    const record = await loadImport(env.ARTIFACTS, account.id, params.importId);
    if (!record) {
      await finishJob(db, job.id, { status: "failed", error: "The uploaded file is gone" });
      return { retry: false } as const;
    }
    await writeBatchItems(db, job.id, params, record);
  }

  const outcome = await runBatchSlice(env, db, job, account, params);
  const gaveUp = outcome.kind === "wait" && !(await notePause(db, job, outcome.error));
  if (outcome.kind === "done" || gaveUp) return finishBatch(db, job, params.firstScene);

  await setJobProgress(db, job.id, await countItems(db, job.id));
  const delaySeconds = outcome.kind === "wait" ? outcome.seconds : 0;
  if (outcome.kind === "wait") {
    log.warn("qrcode batch paused", {
      jobId: job.id,
      delaySeconds,
      errcode: outcome.error.errcode,
    });
  }
  await env.JOBS.send({ type: "run_job", jobId: job.id } satisfies JobMessage, { delaySeconds });
  return { retry: false } as const;
}

async function finishBatch(db: Db, job: JobRow, firstScene: number) {
  const counts = await countItems(db, job.id);
  await setJobProgress(db, job.id, counts);
  await finishJob(db, job.id, {
    status: "succeeded",
    result: await summarise(db, job.id, counts, firstScene, job.total),
  });
  log.info("qrcode batch finished", { jobId: job.id, ...counts });
  return { retry: false } as const;
}

/**
 * Counts a pause for a busy WeChat (-1, 45011, timeouts) in the job's result.
 * Past MAX_PAUSES the rows left fail with the last explanation, and false
 * says so, so that the job finishes with them reported.
 */
async function notePause(db: Db, job: JobRow, error: WechatError): Promise<boolean> {
  const pauses = Number(job.result?.pauses ?? 0) + 1;
  if (pauses > MAX_PAUSES) {
    const reason = `${error.explanation} (gave up after ${MAX_PAUSES} tries)`;
    await failRemaining(db, job.id, error.errcode, reason);
    return false;
  }
  await db
    .update(jobs)
    .set({ result: { ...job.result, pauses } })
    .where(eq(jobs.id, job.id));
  return true;
}

async function itemsWritten(db: Db, job: JobRow): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(jobItems)
    .where(eq(jobItems.jobId, job.id));
  return (row?.n ?? 0) >= job.total;
}

async function countItems(db: Db, jobId: string) {
  const rows = await db
    .select({ status: jobItems.status, n: sql<number>`count(*)` })
    .from(jobItems)
    .where(eq(jobItems.jobId, jobId))
    .groupBy(jobItems.status);
  const of = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  return { done: of("done"), failed: of("failed") };
}

async function summarise(
  db: Db,
  jobId: string,
  counts: { done: number; failed: number },
  firstScene: number,
  total: number,
) {
  const failedRows = await db
    .select({ error: jobItems.error })
    .from(jobItems)
    .where(and(eq(jobItems.jobId, jobId), eq(jobItems.status, "failed")))
    .orderBy(asc(jobItems.rowIndex))
    .limit(MAX_LISTED_FAILURES);
  const failures = failedRows.map((r) => JSON.parse(r.error ?? "{}") as BatchRowFailure);
  return {
    created: counts.done,
    failed: counts.failed,
    scenes: { first: firstScene, last: firstScene + total - 1 },
    failures,
    failuresListed: failures.length,
  };
}

registerJobRunner("qrcode_batch_create", (env, job) => runBatchCreate(env, job));
