import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { jobItems, qrcodes, sandboxQrcodes } from "../../../src/db/schema";
import type { BatchCreateParams } from "../../../src/imports/batch-params";
import { createJob, getJob } from "../../../src/jobs/service";
import { reserveScenes } from "../../../src/qrcodes/scenes";
import { ownerWithAccount, sandboxCreateCalls } from "../qrcodes/helpers";
import { previewNames } from "../qrcodes/import-helpers";
import { type D1Fault, faultyD1 } from "./faulty-d1";
import { db, deliver, envWith, heldQueue } from "./harness";

/**
 * A D1 failure in the middle of a `qrcode_batch_create` slice. 35 rows, one
 * of them a duplicate the operator chose to skip; WeChat is asked ten rows
 * at a time and each group of ten is stored in one D1 batch. The second
 * group's batch fails: before D1 runs it, or after it committed with the
 * answer lost; once (retried in place) or for longer (the queue retries).
 */
const ROWS = 35;
const NAMES = Array.from({ length: ROWS }, (_, i) => (i === 7 ? "Row 3" : `Row ${i}`));
const STORE_GROUP = /^insert into "qrcodes"/;

async function queuedBatch(kind: "temporary" | "permanent") {
  const { owner, account } = await ownerWithAccount();
  const preview = await previewNames(account.id, NAMES.join("\n"), "rows.csv", owner);
  const params: BatchCreateParams = {
    importId: preview.id,
    fileName: "rows.csv",
    firstScene: await reserveScenes(db, account.id, ROWS),
    skipProblemRows: true,
    settings: {
      kind,
      validityDays: kind === "temporary" ? 30 : null,
      groupId: null,
      fanTagIds: [],
      memberTagIds: [],
      reply: [],
      autoRenew: false,
      formId: null,
    },
  };
  const jobs = heldQueue();
  const job = await createJob(db, jobs.queue, {
    accountId: account.id,
    type: "qrcode_batch_create",
    total: ROWS,
    params,
    createdBy: null,
  });
  const [message] = jobs.take();
  return { account, params, job, message: message?.body, jobs };
}

/** Every row ended done with its own code or failed with its reason; nothing twice, nothing lost. */
async function expectExactOutcome(jobId: string, accountId: string, firstScene: number) {
  const job = await getJob(db, jobId);
  expect(job).toMatchObject({ status: "succeeded", done: ROWS - 1, failed: 1 });
  expect(job?.result).toMatchObject({ created: ROWS - 1, failed: 1 });

  const items = await db.select().from(jobItems).where(eq(jobItems.jobId, jobId));
  expect(items).toHaveLength(ROWS);
  expect(items.filter((i) => i.status === "failed").map((i) => i.rowIndex)).toEqual([7]);
  const codes = await db.select().from(qrcodes).where(eq(qrcodes.accountId, accountId));
  expect(codes).toHaveLength(ROWS - 1);
  expect(new Set(codes.map((c) => c.scene)).size).toBe(ROWS - 1);
  expect(new Set(codes.map((c) => c.ticket)).size).toBe(ROWS - 1);
  const byId = new Map(codes.map((c) => [c.id, c]));
  for (const item of items.filter((i) => i.status === "done")) {
    const code = byId.get(item.resultId ?? "");
    expect(code).toMatchObject({
      name: `Row ${item.rowIndex}`,
      scene: String(firstScene + item.rowIndex),
    });
  }
  return codes;
}

async function sandboxTickets(appId: string) {
  return db.select().from(sandboxQrcodes).where(eq(sandboxQrcodes.appId, appId));
}

describe("qrcode_batch_create when D1 fails mid-slice", () => {
  it.each<[string, D1Fault]>([
    ["before D1 runs it", { match: STORE_GROUP, skip: 1, times: 1 }],
    [
      "after it committed, the answer lost",
      { match: STORE_GROUP, skip: 1, times: 1, when: "after" },
    ],
  ])(
    "retries a group's store that failed once %s in place: exact counts, one WeChat code per row",
    async (_, fault) => {
      const { account, params, job, message, jobs } = await queuedBatch("temporary");
      const failing = faultyD1(env.DB, [fault]);
      const testEnv = envWith({ DB: failing.db, JOBS: jobs.queue });

      const run = await deliver(testEnv, [{ body: message, attempts: 1 }]);
      expect(failing.fired).toEqual([1]);
      expect(run.retryMessages).toEqual([]);
      expect(jobs.take()).toEqual([]);

      const codes = await expectExactOutcome(job.id, account.id, params.firstScene);
      expect(await sandboxCreateCalls(account.appId)).toBe(ROWS - 1);
      const tickets = await sandboxTickets(account.appId);
      expect(tickets).toHaveLength(ROWS - 1);
      expect(new Set(tickets.map((t) => t.ticket))).toEqual(new Set(codes.map((c) => c.ticket)));
    },
  );

  it("resumes through the queue after D1 lost a committed group's answer for longer, asking WeChat nothing twice", async () => {
    const { account, params, job, message, jobs } = await queuedBatch("temporary");
    const failing = faultyD1(env.DB, [{ match: STORE_GROUP, skip: 1, times: 3, when: "after" }]);

    const broken = await deliver(envWith({ DB: failing.db, JOBS: jobs.queue }), [
      { body: message, attempts: 1 },
    ]);
    expect(failing.fired).toEqual([3]);
    expect(broken.retryDelays).toEqual([5]);
    expect(await getJob(db, job.id)).toMatchObject({ status: "running" });

    const resumed = await deliver(envWith({ JOBS: jobs.queue }), [{ body: message, attempts: 2 }]);
    expect(resumed.retryMessages).toEqual([]);
    const codes = await expectExactOutcome(job.id, account.id, params.firstScene);
    // The committed group was found by its idempotency keys, not asked for again.
    expect(await sandboxCreateCalls(account.appId)).toBe(ROWS - 1);
    expect((await sandboxTickets(account.appId)).map((t) => t.ticket).sort()).toEqual(
      codes.map((c) => c.ticket).sort(),
    );
  });

  it("resumes through the queue after a group's store failed for longer; permanent codes keep their tickets", async () => {
    const { account, params, job, message, jobs } = await queuedBatch("permanent");
    const failing = faultyD1(env.DB, [{ match: STORE_GROUP, skip: 1, times: 3 }]);

    const broken = await deliver(envWith({ DB: failing.db, JOBS: jobs.queue }), [
      { body: message, attempts: 1 },
    ]);
    expect(broken.retryDelays).toEqual([5]);
    const resumed = await deliver(envWith({ JOBS: jobs.queue }), [{ body: message, attempts: 2 }]);
    expect(resumed.retryMessages).toEqual([]);

    const codes = await expectExactOutcome(job.id, account.id, params.firstScene);
    // The ten rows of the lost group were asked again for the same scenes: WeChat answers a
    // permanent scene with the ticket it already issued, so there is still one code per row.
    expect(await sandboxCreateCalls(account.appId)).toBe(ROWS - 1 + 10);
    const tickets = await sandboxTickets(account.appId);
    expect(tickets).toHaveLength(ROWS - 1);
    expect(new Set(tickets.map((t) => t.ticket))).toEqual(new Set(codes.map((c) => c.ticket)));
  });

  it("finishes the job on the queue's retry when D1 fails while writing its result", async () => {
    const { account, params, job, message, jobs } = await queuedBatch("temporary");
    const finish = /^update "jobs" set "status" = \?, "result"/;
    const failing = faultyD1(env.DB, [{ match: finish, times: 1 }]);

    const broken = await deliver(envWith({ DB: failing.db, JOBS: jobs.queue }), [
      { body: message, attempts: 1 },
    ]);
    expect(failing.fired).toEqual([1]);
    expect(broken.retryDelays).toEqual([5]);
    await deliver(envWith({ JOBS: jobs.queue }), [{ body: message, attempts: 2 }]);
    await expectExactOutcome(job.id, account.id, params.firstScene);
    expect(await sandboxCreateCalls(account.appId)).toBe(ROWS - 1);
  });
});
