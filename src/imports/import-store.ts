import type { ImportPreview } from "./schemas";

/**
 * Parsed uploads wait in R2 until they are confirmed: a 10,000-row preview is
 * about a megabyte of JSON, too large for a D1 row. The key holds the account
 * id, so an import can only be read through its own account.
 */
export type StoredImport = ImportPreview & { accountId: string; createdBy: string | null };

/** Uploads older than this are not confirmed any more (the cron removes `imports/` later). */
export const IMPORT_TTL_MS = 24 * 3600_000;

function importKey(accountId: string, importId: string): string {
  return `imports/${accountId}/${importId}.json`;
}

export async function saveImport(bucket: R2Bucket, record: StoredImport): Promise<void> {
  await bucket.put(importKey(record.accountId, record.id), JSON.stringify(record), {
    httpMetadata: { contentType: "application/json" },
  });
}

export async function loadImport(
  bucket: R2Bucket,
  accountId: string,
  importId: string,
): Promise<StoredImport | undefined> {
  if (!/^imp_[0-9a-z]{16}$/.test(importId)) return undefined;
  const object = await bucket.get(importKey(accountId, importId));
  if (!object) return undefined;
  const record = (await object.json()) as StoredImport;
  return record.accountId === accountId ? record : undefined;
}

/** Records the job an import became, so a repeated confirm answers that job. */
export async function markImportConfirmed(bucket: R2Bucket, record: StoredImport, jobId: string) {
  await saveImport(bucket, { ...record, jobId });
}
