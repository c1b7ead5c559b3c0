import { IMPORT_TTL_MS } from "./import-store";

/** Uploads are kept a day past their confirm window, so a running job can still read them. */
const KEEP_MS = IMPORT_TTL_MS + 24 * 3600_000;
const MAX_PAGES = 10;

/** The cron task: deletes parsed uploads under `imports/` older than two days; returns how many. */
export async function pruneImports(bucket: R2Bucket, now: number): Promise<number> {
  let cursor: string | undefined;
  let deleted = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const listed = await bucket.list({ prefix: "imports/", cursor, limit: 1000 });
    const old = listed.objects
      .filter((o) => now - o.uploaded.getTime() > KEEP_MS)
      .map((o) => o.key);
    if (old.length) await bucket.delete(old);
    deleted += old.length;
    if (!listed.truncated) break;
    cursor = listed.cursor;
  }
  return deleted;
}
