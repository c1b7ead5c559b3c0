import { log } from "../lib/log";

/** Rows removed per statement, so one run never holds D1 for long. */
const PER_STATEMENT = 5000;
/** At most this many statements per account and run; the next run continues. */
const MAX_ROUNDS = 20;

/**
 * Removes raw scans older than each account's `scan_retention_days` (0 keeps
 * them). The numbers live on in the rollups, which are never pruned; what
 * goes is the scan-records export of those days.
 */
export async function pruneOldScans(env: Env, now: number): Promise<number> {
  const accounts = await env.DB.prepare(
    "SELECT id, scan_retention_days AS days FROM accounts WHERE scan_retention_days > 0 AND deleted_at IS NULL",
  ).all<{ id: string; days: number }>();
  let removed = 0;
  for (const account of accounts.results) {
    const before = now - account.days * 86_400_000;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const result = await env.DB.prepare(
        `DELETE FROM scans WHERE id IN (
           SELECT id FROM scans WHERE account_id = ? AND occurred_at < ? LIMIT ?)`,
      )
        .bind(account.id, before, PER_STATEMENT)
        .run();
      removed += result.meta.changes;
      if (result.meta.changes < PER_STATEMENT) break;
    }
  }
  if (removed > 0) log.info("old scans pruned", { removed });
  return removed;
}
