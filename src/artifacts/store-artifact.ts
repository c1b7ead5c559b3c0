import { and, eq, isNull, lt } from "drizzle-orm";
import type { Db } from "../db/client";
import { artifacts } from "../db/schema";
import { newId } from "../lib/ids";

export type ArtifactRow = typeof artifacts.$inferSelect;
export type ArtifactKind = ArtifactRow["kind"];

/** Files the product writes live this long, then the cron removes them. */
export const ARTIFACT_TTL_MS = 7 * 24 * 3600 * 1000;

export type RegisterArtifactOptions = {
  accountId: string | null;
  jobId: string | null;
  kind: ArtifactKind;
  fileName: string;
  contentType: string;
  size: number;
  /** Where the bytes already are in R2. */
  r2Key: string;
};

/** R2 key for a new artifact; the random part keeps keys unguessable and unique. */
export function newArtifactKey(kind: ArtifactKind, accountId: string | null): string {
  return `artifacts/${accountId ?? "global"}/${kind}/${newId("art")}`;
}

/** Records a file already written to R2 so it can be downloaded and later cleaned. */
export async function registerArtifact(
  db: Db,
  options: RegisterArtifactOptions,
): Promise<ArtifactRow> {
  const now = Date.now();
  const [row] = await db
    .insert(artifacts)
    .values({ id: newId("art"), ...options, createdAt: now, expiresAt: now + ARTIFACT_TTL_MS })
    .returning();
  if (!row) throw new Error("artifact insert returned nothing");
  return row;
}

export async function getLiveArtifact(
  db: Db,
  artifactId: string,
): Promise<ArtifactRow | undefined> {
  return db.query.artifacts.findFirst({
    where: (a, { and, eq, isNull }) => and(eq(a.id, artifactId), isNull(a.deletedAt)),
  });
}

/** Deletes expired artifacts from R2 and marks their rows; returns how many. */
export async function cleanExpiredArtifacts(
  db: Db,
  bucket: R2Bucket,
  now: number,
  limit = 500,
): Promise<number> {
  const expired = await db
    .select({ id: artifacts.id, r2Key: artifacts.r2Key })
    .from(artifacts)
    .where(and(isNull(artifacts.deletedAt), lt(artifacts.expiresAt, now)))
    .limit(limit);
  if (expired.length === 0) return 0;
  await bucket.delete(expired.map((a) => a.r2Key));
  for (const a of expired) {
    await db.update(artifacts).set({ deletedAt: now }).where(eq(artifacts.id, a.id));
  }
  return expired.length;
}
