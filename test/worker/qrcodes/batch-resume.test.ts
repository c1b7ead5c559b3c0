import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../src/db/client";
import { jobs } from "../../../src/db/schema";
import { runBatchCreate } from "../../../src/imports/batch-create-runner";
import type { BatchCreateParams } from "../../../src/imports/batch-params";
import { createJob, getJob } from "../../../src/jobs/service";
import { reserveScenes } from "../../../src/qrcodes/scenes";
import { addFault } from "../../../src/sandbox/faults";
import { simulateCrashedRun } from "./crashed-batch";
import { ownerWithAccount, sandboxCreateCalls } from "./helpers";
import { previewNames } from "./import-helpers";

const ROWS = 30;
/** A queue that drops messages, so the test alone drives the job. */
const silentQueue = { send: async () => undefined } as unknown as Queue;

async function queuedBatch(rows: number) {
  const { owner, account } = await ownerWithAccount();
  const db = getDb(env.DB);
  const names = Array.from({ length: rows }, (_, i) => `Row ${i}`).join("\n");
  const preview = await previewNames(account.id, names, "r.csv", owner);
  const params: BatchCreateParams = {
    importId: preview.id,
    fileName: "r.csv",
    firstScene: await reserveScenes(db, account.id, rows),
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
    total: rows,
    params,
    createdBy: null,
  });
  return { db, account, preview, params, job };
}

async function reloaded(jobId: string) {
  const job = await getJob(getDb(env.DB), jobId);
  if (!job) throw new Error("job missing");
  return job;
}

describe("qrcode_batch_create runner", () => {
  it("resumes after a crash without a second WeChat code for any stored row", async () => {
    const { db, account, params, job } = await queuedBatch(ROWS);
    await simulateCrashedRun(db, account.id, job.id, params);
    expect(await sandboxCreateCalls(account.appId)).toBe(7);

    await runBatchCreate(env, await reloaded(job.id));

    const finished = await reloaded(job.id);
    expect(finished).toMatchObject({ status: "succeeded", done: ROWS, failed: 0 });
    const stats = await env.DB.prepare(
      "select count(*) as n, min(cast(scene as integer)) as lo, max(cast(scene as integer)) as hi from qrcodes where account_id = ?",
    )
      .bind(account.id)
      .first<{ n: number; lo: number; hi: number }>();
    expect(stats).toEqual({ n: ROWS, lo: params.firstScene, hi: params.firstScene + ROWS - 1 });
    // Rows 0-5 were not asked again; row 6 was asked once more, for the same scene.
    expect(await sandboxCreateCalls(account.appId)).toBe(7 + (ROWS - 6));
  });

  it("pauses while WeChat is busy, keeping the rows, and gives up after 30 pauses", async () => {
    const { db, account, job } = await queuedBatch(5);
    await addFault(db, account.appId, {
      path: "/cgi-bin/qrcode/create",
      errcode: -1,
      delayMs: 0,
      times: 1000,
    });
    await runBatchCreate(env, await reloaded(job.id));
    const paused = await reloaded(job.id);
    expect(paused).toMatchObject({ done: 0, failed: 0, result: { pauses: 1 } });
    expect(paused.status).not.toBe("succeeded");

    await db
      .update(jobs)
      .set({ result: { pauses: 30 } })
      .where(eq(jobs.id, job.id));
    await runBatchCreate(env, await reloaded(job.id));
    const finished = await reloaded(job.id);
    expect(finished).toMatchObject({ status: "succeeded", done: 0, failed: 5 });
    const failures = (finished.result as { failures: { errcode: number; reason: string }[] })
      .failures;
    expect(failures[0]).toMatchObject({ errcode: -1 });
    expect(failures[0]?.reason).toMatch(/busy.*gave up after 30 tries/);
  });
});
