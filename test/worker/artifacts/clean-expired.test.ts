import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  ARTIFACT_TTL_MS,
  cleanExpiredArtifacts,
  newArtifactKey,
  registerArtifact,
} from "../../../src/artifacts/store-artifact";
import { CRON_TASKS } from "../../../src/cron/tasks";
import { getDb } from "../../../src/db/client";
import { artifacts } from "../../../src/db/schema";

const db = () => getDb(env.DB);

async function storedArtifact(fileName: string) {
  const r2Key = newArtifactKey("csv", null);
  await env.ARTIFACTS.put(r2Key, "id,name\r\n1,门店\r\n");
  return registerArtifact(db(), {
    accountId: null,
    jobId: null,
    kind: "csv",
    fileName,
    contentType: "text/csv",
    size: 20,
    r2Key,
  });
}

describe("cleanExpiredArtifacts", () => {
  it("deletes artifacts past their time from R2 and marks their rows, keeping the fresh ones", async () => {
    const old = await storedArtifact("old.csv");
    const later = Date.now() + ARTIFACT_TTL_MS + 1000;
    await db()
      .update(artifacts)
      .set({ expiresAt: Date.now() - 1 })
      .where(eq(artifacts.id, old.id));
    const fresh = await storedArtifact("fresh.csv");

    expect(await cleanExpiredArtifacts(db(), env.ARTIFACTS, Date.now())).toBe(1);
    expect(await env.ARTIFACTS.head(old.r2Key)).toBeNull();
    expect(await env.ARTIFACTS.head(fresh.r2Key)).not.toBeNull();
    const rows = await db().select().from(artifacts);
    expect(rows.find((a) => a.id === old.id)?.deletedAt).not.toBeNull();
    expect(rows.find((a) => a.id === fresh.id)?.deletedAt).toBeNull();

    // Once its week is over the fresh one goes too, and a second run finds nothing.
    expect(await cleanExpiredArtifacts(db(), env.ARTIFACTS, later)).toBe(1);
    expect(await env.ARTIFACTS.head(fresh.r2Key)).toBeNull();
    expect(await cleanExpiredArtifacts(db(), env.ARTIFACTS, later)).toBe(0);
  });

  it("runs from the cron", () => {
    expect(CRON_TASKS.map((t) => t.name)).toContain("clean expired artifacts");
  });
});
