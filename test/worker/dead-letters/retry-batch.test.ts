import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../src/db/client";
import { DEAD_LETTER_JOB_ERROR } from "../../../src/dead-letters/record-dead-letter";
import type { BatchCreateParams } from "../../../src/imports/batch-params";
import { jobHandlers } from "../../../src/jobs/handlers";
import "../../../src/jobs/registry";
import { createJob, getJob, markJobRunning } from "../../../src/jobs/service";
import { reserveScenes } from "../../../src/qrcodes/scenes";
import { simulateCrashedRun } from "../qrcodes/crashed-batch";
import { ownerWithAccount, sandboxCreateCalls } from "../qrcodes/helpers";
import { previewNames, waitForJob } from "../qrcodes/import-helpers";
import { deadLetterOf, decide } from "./helpers";

const ROWS = 30;
/** A queue that drops messages: the job's own first message never runs. */
const silentQueue = { send: async () => undefined } as unknown as Queue;

/**
 * A batch whose run died halfway and whose message then exhausted its
 * retries: items written, rows 0-5 stored (row 5's item never marked done),
 * and WeChat asked for row 6's scene with nothing stored.
 */
async function halfDoneBatch() {
  const { owner, account } = await ownerWithAccount();
  const db = getDb(env.DB);
  const names = Array.from({ length: ROWS }, (_, i) => `Row ${i}`).join("\n");
  const preview = await previewNames(account.id, names, "rows.csv", owner);
  const params: BatchCreateParams = {
    importId: preview.id,
    fileName: "rows.csv",
    firstScene: await reserveScenes(db, account.id, ROWS),
    skipProblemRows: true,
    settings: {
      kind: "temporary",
      validityDays: 30,
      groupId: null,
      fanTagIds: [],
      memberTagIds: [],
      reply: [],
      autoRenew: false,
      formId: null,
    },
  };
  const job = await createJob(db, silentQueue, {
    accountId: account.id,
    type: "qrcode_batch_create",
    total: ROWS,
    params,
    createdBy: null,
  });
  await markJobRunning(db, job.id);
  await simulateCrashedRun(db, account.id, job.id, params);
  return { owner, account, params, jobId: job.id };
}

async function codeStats(accountId: string) {
  return env.DB.prepare(
    `SELECT count(*) AS n, count(DISTINCT scene) AS scenes,
       min(cast(scene AS integer)) AS lo, max(cast(scene AS integer)) AS hi
     FROM qrcodes WHERE account_id = ?`,
  )
    .bind(accountId)
    .first<{ n: number; scenes: number; lo: number; hi: number }>();
}

describe("a retried dead letter of a batch creation", () => {
  it("finishes the job with exact counts and no second code or WeChat call for stored rows", async () => {
    const { owner, account, params, jobId } = await halfDoneBatch();
    expect(await sandboxCreateCalls(account.appId)).toBe(7);
    const id = await deadLetterOf({ type: "run_job", jobId });
    expect(await getJob(getDb(env.DB), jobId)).toMatchObject({
      status: "failed",
      error: DEAD_LETTER_JOB_ERROR,
    });

    expect((await decide(id, "retry", owner)).status).toBe(200);
    const finished = await waitForJob(jobId, owner);

    expect(finished).toMatchObject({ status: "succeeded", total: ROWS, done: ROWS, failed: 0 });
    expect(finished.result).toMatchObject({ created: ROWS, failed: 0 });
    expect(await codeStats(account.id)).toEqual({
      n: ROWS,
      scenes: ROWS,
      lo: params.firstScene,
      hi: params.firstScene + ROWS - 1,
    });
    // Rows 0-5 were not asked again; row 6 once more, for the same scene.
    expect(await sandboxCreateCalls(account.appId)).toBe(7 + (ROWS - 6));

    // The same message delivered once more (a duplicate, or a second retry) changes nothing.
    // Called as the consumer calls it; loosely typed so a new trailing argument does not break it.
    const handler = jobHandlers.run_job as ((...args: unknown[]) => Promise<unknown>) | undefined;
    if (!handler) throw new Error("run_job handler not registered");
    await handler(env, { type: "run_job", jobId }, createExecutionContext(), 1);
    expect(await codeStats(account.id)).toMatchObject({ n: ROWS, scenes: ROWS });
    expect(await sandboxCreateCalls(account.appId)).toBe(7 + (ROWS - 6));
    expect(await getJob(getDb(env.DB), jobId)).toMatchObject({ status: "succeeded", done: ROWS });
  });

  it("leaves a finished job as it is when a late dead letter of it is recorded", async () => {
    const { owner, jobId } = await halfDoneBatch();
    const first = await deadLetterOf({ type: "run_job", jobId });
    expect((await decide(first, "retry", owner)).status).toBe(200);
    await waitForJob(jobId, owner);

    await deadLetterOf({ type: "run_job", jobId });
    expect(await getJob(getDb(env.DB), jobId)).toMatchObject({
      status: "succeeded",
      error: null,
      done: ROWS,
    });
  });
});
