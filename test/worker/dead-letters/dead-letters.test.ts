import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../src/db/client";
import { jobs } from "../../../src/db/schema";
import { DEAD_LETTER_JOB_ERROR } from "../../../src/dead-letters/record-dead-letter";
import { createUserWithToken } from "../factories/users";
import { ownerTokenHeaders } from "../helpers";
import { insertAccount } from "../scans/fixtures";
import { auditOf, deadLetterOf, decide, eventually, listAs } from "./helpers";

/** A fans export of a code that does not exist: when it runs, it fails with a known error. */
async function stuckExportJob(accountId: string) {
  const now = Date.now();
  const id = `job_${crypto.randomUUID().slice(0, 12)}`;
  await getDb(env.DB)
    .insert(jobs)
    .values({
      id,
      accountId,
      type: "fans_export",
      status: "running",
      params: { qrcodeId: "qr_missing", segment: "all", format: "csv", language: "en" },
      createdAt: now,
      updatedAt: now,
    });
  return id;
}

async function jobRow(id: string) {
  const [row] = await getDb(env.DB).select().from(jobs).where(eq(jobs.id, id));
  if (!row) throw new Error("job missing");
  return row;
}

describe("dead-letter recording", () => {
  it("records a message from the dead-letter queue with its account, type and plain summary", async () => {
    const owner = await ownerTokenHeaders();
    const account = await insertAccount();
    await env.JOBS_DLQ.send({ type: "after_scan", accountId: account.id, scanId: 424242 });

    const found = await eventually(async () => {
      const { body } = await listAs(owner);
      return body.deadLetters.find((d) => d.accountId === account.id);
    });
    expect(found).toMatchObject({
      queue: "wechat-qr-jobs-dlq",
      type: "after_scan",
      jobId: null,
      status: "open",
      retriedAt: null,
    });
    expect(found.summary).toContain("scan 424242");
    expect(found.attempts).toBeGreaterThanOrEqual(1);
  });

  it("records an unreadable jobs-queue message for owners without repeating its body", async () => {
    const owner = await ownerTokenHeaders();
    const marker = `oSecret${crypto.randomUUID().slice(0, 8)}`;
    await env.JOBS.send({ type: "no_such_job", openid: marker });

    const found = await eventually(async () => {
      const rows = await env.DB.prepare("SELECT id FROM dead_letters WHERE instr(body, ?) > 0")
        .bind(marker)
        .all<{ id: string }>();
      return rows.results[0];
    });
    const { res, body } = await listAs(owner);
    const text = JSON.stringify(body);
    expect(res.status).toBe(200);
    expect(text).not.toContain(marker);
    expect(body.deadLetters.find((d) => d.id === found.id)).toMatchObject({
      type: "unknown",
      accountId: null,
      summary: "A message the worker could not read",
    });
  });

  it("stops the job whose run_job message was dead-lettered and names it", async () => {
    const account = await insertAccount();
    const jobId = await stuckExportJob(account.id);
    const id = await deadLetterOf({ type: "run_job", jobId });

    expect(await jobRow(jobId)).toMatchObject({ status: "failed", error: DEAD_LETTER_JOB_ERROR });
    const { body } = await listAs(await ownerTokenHeaders());
    expect(body.deadLetters.find((d) => d.id === id)).toMatchObject({
      type: "run_job",
      accountId: account.id,
      jobId,
      jobType: "fans_export",
      summary: "Export a code's fans",
    });
  });
});

describe("GET /api/dead-letters", () => {
  it("lists open ones newest first, and other statuses when asked", async () => {
    const owner = await ownerTokenHeaders();
    const account = await insertAccount();
    const older = await deadLetterOf({ type: "after_scan", accountId: account.id, scanId: 1 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = await deadLetterOf({ type: "after_scan", accountId: account.id, scanId: 2 });
    expect((await decide(older, "discard", owner)).status).toBe(200);

    const open = await listAs(owner);
    expect(open.ids).toContain(newer);
    expect(open.ids).not.toContain(older);
    const discarded = await listAs(owner, "?status=discarded");
    expect(discarded.ids).toContain(older);
    expect(discarded.ids).not.toContain(newer);

    const third = await deadLetterOf({ type: "after_scan", accountId: account.id, scanId: 3 });
    const again = await listAs(owner);
    expect(again.ids.indexOf(third)).toBeLessThan(again.ids.indexOf(newer));
  });

  it("shows an admin only the dead letters of accounts granted to them", async () => {
    const granted = await insertAccount();
    const other = await insertAccount();
    const admin = await createUserWithToken("admin", { accountIds: [granted.id] });
    const mine = await deadLetterOf({ type: "after_scan", accountId: granted.id, scanId: 5 });
    const theirs = await deadLetterOf({ type: "after_scan", accountId: other.id, scanId: 6 });
    const none = await deadLetterOf({ type: "unreadable" });

    const { res, ids } = await listAs(admin.headers);
    expect(res.status).toBe(200);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(theirs);
    expect(ids).not.toContain(none);
    expect((await listAs(await ownerTokenHeaders())).ids).toEqual(
      expect.arrayContaining([mine, theirs, none]),
    );
  });

  it.each(["operator", "viewer"] as const)("answers 403 to a %s", async (role) => {
    const account = await insertAccount();
    const user = await createUserWithToken(role, { accountIds: [account.id] });
    const { res } = await listAs(user.headers);
    expect(res.status).toBe(403);
  });

  it.each(["?status=closed", "?status="])("answers 400 for the query %s", async (query) => {
    const { res, body } = await listAs(await ownerTokenHeaders(), query);
    expect(res.status).toBe(400);
    expect(body).toMatchObject({ error: { code: "bad_request" } });
    expect(JSON.stringify(body)).toContain("status");
  });
});

describe("POST /api/dead-letters/{deadLetterId}/retry", () => {
  it("sends the message to the jobs queue again, reopens its job and audits the retry", async () => {
    const owner = await ownerTokenHeaders();
    const account = await insertAccount();
    const jobId = await stuckExportJob(account.id);
    const id = await deadLetterOf({ type: "run_job", jobId });

    const res = await decide(id, "retry", owner);
    expect(res.status).toBe(200);
    const { deadLetter } = (await res.json()) as { deadLetter: Record<string, unknown> };
    expect(deadLetter).toMatchObject({ id, status: "retried", jobId });
    expect(deadLetter.retriedAt).toEqual(expect.any(Number));

    // The runner ran again: it reached the missing code and failed with its own reason.
    const ran = await eventually(async () => {
      const job = await jobRow(jobId);
      return job.finishedAt !== null && job.error !== DEAD_LETTER_JOB_ERROR ? job : undefined;
    });
    expect(ran).toMatchObject({
      status: "failed",
      error: "The code or its account no longer exists",
    });
    const audit = await auditOf(id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "dead_letter.retry",
      entityType: "dead_letter",
      accountId: account.id,
      before: { status: "open" },
      after: { status: "retried" },
    });
  });

  it("answers 409 when the dead letter is no longer open", async () => {
    const owner = await ownerTokenHeaders();
    const account = await insertAccount();
    const id = await deadLetterOf({ type: "after_scan", accountId: account.id, scanId: 9 });
    expect((await decide(id, "retry", owner)).status).toBe(200);

    const again = await decide(id, "retry", owner);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(
      /already retried/,
    );
    expect((await decide(id, "discard", owner)).status).toBe(409);
    expect(await auditOf(id)).toHaveLength(1);
  });

  it("answers 409 for a body no handler reads, and leaves it open to discard", async () => {
    const owner = await ownerTokenHeaders();
    const id = await deadLetterOf({ type: "no_such_job" });
    const res = await decide(id, "retry", owner);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /discard it/,
    );
    expect((await listAs(owner)).ids).toContain(id);
    expect((await decide(id, "discard", owner)).status).toBe(200);
  });

  it("answers 404 for an unknown id and for another account's dead letter", async () => {
    const granted = await insertAccount();
    const other = await insertAccount();
    const admin = await createUserWithToken("admin", { accountIds: [granted.id] });
    const theirs = await deadLetterOf({ type: "after_scan", accountId: other.id, scanId: 7 });

    expect((await decide("dlq_nope", "retry", admin.headers)).status).toBe(404);
    expect((await decide(theirs, "retry", admin.headers)).status).toBe(404);
    expect((await decide(theirs, "discard", admin.headers)).status).toBe(404);
    expect((await listAs(await ownerTokenHeaders())).ids).toContain(theirs);
  });

  it("lets an admin retry one of a granted account and refuses an operator with 403", async () => {
    const account = await insertAccount();
    const admin = await createUserWithToken("admin", { accountIds: [account.id] });
    const operator = await createUserWithToken("operator", { accountIds: [account.id] });
    const id = await deadLetterOf({ type: "after_scan", accountId: account.id, scanId: 8 });

    expect((await decide(id, "retry", operator.headers)).status).toBe(403);
    expect((await decide(id, "discard", operator.headers)).status).toBe(403);
    expect((await decide(id, "retry", admin.headers)).status).toBe(200);
  });
});

describe("POST /api/dead-letters/{deadLetterId}/discard", () => {
  it("marks it discarded without sending it and audits the change", async () => {
    const owner = await ownerTokenHeaders();
    const account = await insertAccount();
    const jobId = await stuckExportJob(account.id);
    const id = await deadLetterOf({ type: "run_job", jobId });

    const res = await decide(id, "discard", owner);
    expect(res.status).toBe(200);
    const { deadLetter } = (await res.json()) as { deadLetter: Record<string, unknown> };
    expect(deadLetter).toMatchObject({ id, status: "discarded", retriedAt: null });
    expect(deadLetter.discardedAt).toEqual(expect.any(Number));
    expect(await jobRow(jobId)).toMatchObject({ status: "failed", error: DEAD_LETTER_JOB_ERROR });
    expect(await auditOf(id)).toMatchObject([
      { action: "dead_letter.discard", after: { status: "discarded" } },
    ]);
    expect((await decide(id, "discard", owner)).status).toBe(409);
    expect((await decide(id, "retry", owner)).status).toBe(409);
  });
});
