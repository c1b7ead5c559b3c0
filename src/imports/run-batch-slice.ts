import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { jobItems, qrcodes } from "../db/schema";
import type { AccountRow } from "../http/types";
import { retryD1Write } from "../jobs/retry-d1-write";
import type { JobRow } from "../jobs/runners";
import { inJsonList } from "../qrcodes/in-json-list";
import type { IssuedTicket } from "../qrcodes/issue-ticket";
import { PERMANENT_CAP_MESSAGE, remainingPermanentCodes } from "../qrcodes/permanent-cap";
import { issueNewCodeTicket, type NewCodeSpec, newQrCodeValues } from "../qrcodes/store-qrcode";
import type { WechatError, WechatResult } from "../wechat/errors";
import {
  type BatchCreateParams,
  type BatchItemInput,
  type BatchRowFailure,
  batchItemInputSchema,
} from "./batch-params";

/**
 * A slice stays well inside one queue invocation: D1 allows 1,000 queries
 * and a Worker 1,000 subrequests per invocation; each row costs one token
 * lookup and one WeChat call, and each group of rows one D1 batch.
 */
export const SLICE_ROWS = 200;
const SLICE_MS = 20_000;
/** WeChat calls in flight at once for one job. */
const CONCURRENCY = 10;

export type SliceOutcome =
  | { kind: "more" }
  | { kind: "done" }
  | { kind: "wait"; seconds: number; error: WechatError };

type PendingItem = { rowIndex: number; input: BatchItemInput };

/** Errors about this one row's request; any other refusal concerns the account and every row. */
const ROW_ERRCODES = new Set([40052, 40053]);

export function batchIdempotencyKey(jobId: string, rowIndex: number): string {
  return `${jobId}:${rowIndex}`;
}

/**
 * Creates the next pending rows, CONCURRENCY WeChat calls at a time (WeChat
 * answers from far away; one call after another would take an hour for
 * 10,000 rows), and writes each group's codes in one D1 batch. Row `i`
 * always asks for scene `firstScene + i` with the key `jobId:i`, so a run
 * that died halfway is resumed without a second code for any row. The
 * permanent cap and account-wide refusals (48001, 40164, 45009...) fail all
 * rows left at once with the reason; busy answers (-1, 45011, timeouts)
 * pause the job.
 */
export async function runBatchSlice(
  env: Env,
  db: Db,
  job: JobRow,
  account: AccountRow,
  params: BatchCreateParams,
): Promise<SliceOutcome> {
  const started = Date.now();
  const items = await nextPendingItems(db, job.id);
  if (items.length === 0) return { kind: "done" };
  const pending = await settleAlreadyCreated(db, job.id, account.id, items);

  let capacity =
    params.settings.kind === "permanent" ? await remainingPermanentCodes(db, account.id) : Infinity;
  for (let at = 0; at < pending.length; ) {
    if (capacity < 1) {
      await failRemaining(db, job.id, null, PERMANENT_CAP_MESSAGE);
      return { kind: "done" };
    }
    const group = pending.slice(at, at + Math.min(CONCURRENCY, capacity));
    at += group.length;
    const issued = await Promise.all(
      group.map((item) =>
        issueNewCodeTicket(env, account, specOf(params, item), sceneOf(params, item)),
      ),
    );
    capacity -= await storeIssued(db, job, account, params, group, issued);

    for (const [i, result] of issued.entries()) {
      const item = group[i];
      if (result.ok || !item) continue;
      if (result.error.retryable === "backoff") {
        const seconds = result.error.errcode === 45011 ? 60 : 30;
        return { kind: "wait", seconds, error: result.error };
      }
      if (!ROW_ERRCODES.has(result.error.errcode)) {
        await failRemaining(db, job.id, result.error.errcode, result.error.explanation);
        return { kind: "done" };
      }
      await failItem(db, job.id, item, result.error);
    }
    if (Date.now() - started > SLICE_MS) return { kind: "more" };
  }
  // A short slice that ran to its end leaves nothing pending: finish without another message.
  return items.length < SLICE_ROWS ? { kind: "done" } : { kind: "more" };
}

function specOf(params: BatchCreateParams, item: PendingItem): NewCodeSpec {
  const { settings } = params;
  return {
    name: item.input.name,
    kind: settings.kind,
    validityDays: settings.validityDays ?? undefined,
    group: item.input.groupId ? { kind: "existing", id: item.input.groupId } : { kind: "none" },
    fanTagIds: item.input.fanTagIds,
    memberTagIds: item.input.memberTagIds,
    reply: settings.reply,
    autoRenew: settings.autoRenew,
    formId: settings.formId ?? undefined,
  };
}

const sceneOf = (params: BatchCreateParams, item: PendingItem) => params.firstScene + item.rowIndex;

/**
 * Writes the codes WeChat issued and marks their items done, in one batch.
 * A code that a concurrent run already stored is left as it is (the
 * idempotency key conflicts) and its item points at that code.
 */
async function storeIssued(
  db: Db,
  job: JobRow,
  account: AccountRow,
  params: BatchCreateParams,
  group: PendingItem[],
  issued: WechatResult<IssuedTicket>[],
): Promise<number> {
  const statements: BatchItem<"sqlite">[] = [];
  const now = Date.now();
  for (const [i, result] of issued.entries()) {
    const item = group[i];
    if (!result.ok || !item) continue;
    const keys = {
      scene: sceneOf(params, item),
      idempotencyKey: batchIdempotencyKey(job.id, item.rowIndex),
      createdBy: job.createdBy,
    };
    const values = newQrCodeValues(account, specOf(params, item), result.value, keys, now);
    statements.push(db.insert(qrcodes).values(values).onConflictDoNothing());
    statements.push(
      markDone(db, job.id, item.rowIndex, codeIdByKey(account.id, keys.idempotencyKey)),
    );
  }
  const [first, ...rest] = statements;
  // WeChat already issued these tickets: a transient D1 failure is retried here rather than
  // asking WeChat again on the queue's retry (a temporary code would get a second ticket).
  // TODO(#7): when D1 stays down past these tries, the queue's retry asks WeChat again for the
  // group's scenes; a permanent scene gets its ticket back, a temporary one a second ticket
  // (the first is never stored and expires). Keeping issued tickets needs storage outside D1.
  if (first) await retryD1Write("qrcode batch rows", () => db.batch([first, ...rest]));
  return statements.length / 2;
}

function codeIdByKey(accountId: string, key: string): SQL {
  return sql`(select ${qrcodes.id} from ${qrcodes} where ${qrcodes.accountId} = ${accountId} and ${qrcodes.idempotencyKey} = ${key})`;
}

async function nextPendingItems(db: Db, jobId: string): Promise<PendingItem[]> {
  const rows = await db
    .select({ rowIndex: jobItems.rowIndex, input: jobItems.input })
    .from(jobItems)
    .where(and(eq(jobItems.jobId, jobId), eq(jobItems.status, "pending")))
    .orderBy(asc(jobItems.rowIndex))
    .limit(SLICE_ROWS);
  return rows.map((r) => ({ rowIndex: r.rowIndex, input: batchItemInputSchema.parse(r.input) }));
}

/** Marks rows whose code exists (a concurrent or crashed run made it) done; returns the rest. */
async function settleAlreadyCreated(
  db: Db,
  jobId: string,
  accountId: string,
  items: PendingItem[],
): Promise<PendingItem[]> {
  const keys = items.map((i) => batchIdempotencyKey(jobId, i.rowIndex));
  const made = await db
    .select({ id: qrcodes.id, key: qrcodes.idempotencyKey })
    .from(qrcodes)
    .where(and(eq(qrcodes.accountId, accountId), inJsonList(qrcodes.idempotencyKey, keys)));
  const byKey = new Map(made.map((m) => [m.key, m.id]));
  for (const item of items) {
    const codeId = byKey.get(batchIdempotencyKey(jobId, item.rowIndex));
    if (codeId) await markDone(db, jobId, item.rowIndex, codeId);
  }
  return items.filter((i) => !byKey.has(batchIdempotencyKey(jobId, i.rowIndex)));
}

function markDone(db: Db, jobId: string, rowIndex: number, codeId: string | SQL) {
  return db
    .update(jobItems)
    .set({ status: "done", resultId: codeId, error: null })
    .where(and(eq(jobItems.jobId, jobId), eq(jobItems.rowIndex, rowIndex)));
}

async function failItem(db: Db, jobId: string, item: PendingItem, error: WechatError) {
  const failure: BatchRowFailure = {
    row: item.input.row,
    name: item.input.name,
    errcode: error.errcode,
    reason: error.explanation,
  };
  await db
    .update(jobItems)
    .set({ status: "failed", error: JSON.stringify(failure) })
    .where(and(eq(jobItems.jobId, jobId), eq(jobItems.rowIndex, item.rowIndex)));
}

/** Fails every row still pending with one reason, in one statement. */
export async function failRemaining(db: Db, jobId: string, errcode: number | null, reason: string) {
  await db.run(sql`update ${jobItems}
    set status = 'failed',
        error = json_object('row', json_extract(input, '$.row'), 'name', json_extract(input, '$.name'),
                            'errcode', ${errcode}, 'reason', ${reason})
    where job_id = ${jobId} and status = 'pending'`);
}
