import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../src/db/client";
import { jobs } from "../../../src/db/schema";
import { throttledProgress } from "../../../src/jobs/throttled-progress";

const db = () => getDb(env.DB);

async function insertJob() {
  const id = `job_${crypto.randomUUID().slice(0, 12)}`;
  const now = Date.now();
  await db().insert(jobs).values({
    id,
    type: "fans_export",
    status: "running",
    params: {},
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

describe("throttledProgress", () => {
  it("writes the first report, then at most one per interval, and always a forced one", async () => {
    const jobId = await insertJob();
    let clock = 1_000_000;
    const report = throttledProgress(db(), jobId, 2000, () => clock);
    const done = async () => (await db().query.jobs.findFirst({ where: eq(jobs.id, jobId) }))?.done;

    expect(await report({ done: 5000, failed: 0 })).toBe(true);
    clock += 500;
    expect(await report({ done: 10000, failed: 0 })).toBe(false);
    expect(await done()).toBe(5000);
    clock += 1600;
    expect(await report({ done: 15000, failed: 0 })).toBe(true);
    expect(await done()).toBe(15000);
    clock += 10;
    expect(await report({ done: 17000, failed: 0 }, { force: true })).toBe(true);
    expect(await done()).toBe(17000);
  });
});
