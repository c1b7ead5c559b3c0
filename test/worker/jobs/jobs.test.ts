import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { signDownloadPath } from "../../../src/artifacts/download-links";
import { registerArtifact } from "../../../src/artifacts/store-artifact";
import { getDb } from "../../../src/db/client";
import { jobs } from "../../../src/db/schema";
import { call, signInAsOwner } from "../helpers";

async function insertJob(overrides: Partial<typeof jobs.$inferInsert> = {}) {
  const now = Date.now();
  const row = {
    id: `job_${crypto.randomUUID().slice(0, 8)}`,
    type: "qrcode_zip" as const,
    accountId: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
  await getDb(env.DB).insert(jobs).values(row);
  return row;
}

describe("GET /files/{token}", () => {
  it("streams the artifact with its UTF-8 file name", async () => {
    await env.ARTIFACTS.put("artifacts/x/zip/a1", "zip-bytes");
    const art = await registerArtifact(getDb(env.DB), {
      accountId: null,
      jobId: null,
      kind: "zip",
      fileName: "门店二维码.zip",
      contentType: "application/zip",
      size: 9,
      r2Key: "artifacts/x/zip/a1",
    });
    const res = await call(await signDownloadPath(env.SIGNING_KEY, art.id));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("zip-bytes");
    expect(res.headers.get("Content-Disposition")).toContain("filename*=UTF-8''%E9%97%A8%E5%BA%97");
  });

  it("answers 410 for an expired link and 404 for a forged one", async () => {
    const expired = await signDownloadPath(env.SIGNING_KEY, "art_x", Date.now() - 2 * 3600_000);
    expect((await call(expired)).status).toBe(410);
    const forged = await signDownloadPath("another-key", "art_x");
    expect((await call(forged)).status).toBe(404);
  });
});

describe("GET /api/jobs/{jobId}", () => {
  it("shows progress of the caller's own job and hides unknown ids", async () => {
    const cookie = await signInAsOwner();
    const me = (await (await call("/api/auth/me", { headers: { Cookie: cookie } })).json()) as {
      user: { id: string };
    };
    const job = await insertJob({ createdBy: me.user.id, total: 10, done: 4 });
    const res = await call(`/api/jobs/${job.id}`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { job: { done: number; total: number } }).job).toMatchObject({
      done: 4,
      total: 10,
    });
    expect((await call("/api/jobs/job_nope", { headers: { Cookie: cookie } })).status).toBe(404);
  });
});
