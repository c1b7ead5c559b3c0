/**
 * The pending fan tags of one account, kept in its Durable Object's own
 * SQLite storage. Requests from many scans gather here for a moment so that
 * one batchtagging call carries up to 50 openids (wechat.md "Fan tags"); the
 * object's alarm then applies them, one alarm at a time, which is the
 * per-account serialisation WeChat's 45159 asks for.
 */
export type FanTagRequest = {
  accountId: string;
  fanId: string;
  openid: string;
  tagIds: number[];
  qrcodeId: string | null;
};

export type PendingFanTag = {
  accountId: string;
  fanId: string;
  openid: string;
  tagId: number;
  qrcodeId: string | null;
  attempts: number;
  /** Queued by an operator's retry: the product's copy of the fan's tags may be stale. */
  recheck: boolean;
};

/** How long requests gather before the first call. */
export const GATHER_MS = 1000;

function ensureTable(sql: SqlStorage) {
  sql.exec(`CREATE TABLE IF NOT EXISTS pending_fan_tags (
    fan_id TEXT NOT NULL, tag_id INTEGER NOT NULL, account_id TEXT NOT NULL,
    openid TEXT NOT NULL, qrcode_id TEXT, attempts INTEGER NOT NULL DEFAULT 0,
    not_before INTEGER NOT NULL, recheck INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (fan_id, tag_id))`);
  // Objects created before retries existed have the table without the column.
  const columns = sql.exec<{ name: string }>("PRAGMA table_info(pending_fan_tags)").toArray();
  if (!columns.some((c) => c.name === "recheck"))
    sql.exec("ALTER TABLE pending_fan_tags ADD COLUMN recheck INTEGER NOT NULL DEFAULT 0");
}

/** Adds requests (a repeat of a pending pair is ignored) and makes sure the alarm will run. */
export async function enqueueFanTags(
  storage: DurableObjectStorage,
  requests: FanTagRequest[],
  now = Date.now(),
): Promise<number> {
  ensureTable(storage.sql);
  let added = 0;
  for (const r of requests) {
    for (const tagId of new Set(r.tagIds)) {
      const cursor = storage.sql.exec(
        `INSERT INTO pending_fan_tags (fan_id, tag_id, account_id, openid, qrcode_id, not_before)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        r.fanId,
        tagId,
        r.accountId,
        r.openid,
        r.qrcodeId,
        now,
      );
      added += cursor.rowsWritten > 0 ? 1 : 0;
    }
  }
  await scheduleAt(storage, now + GATHER_MS);
  return added;
}

/**
 * Queues failed tags again for a fresh set of tries (an operator's retry).
 * A pair already pending starts its tries over; either way the alarm
 * re-reads the fan's tags from WeChat when the product's copy is full.
 */
export async function requeueFanTags(
  storage: DurableObjectStorage,
  requests: FanTagRequest[],
  now = Date.now(),
): Promise<number> {
  ensureTable(storage.sql);
  let queued = 0;
  for (const r of requests) {
    for (const tagId of new Set(r.tagIds)) {
      storage.sql.exec(
        `INSERT INTO pending_fan_tags
           (fan_id, tag_id, account_id, openid, qrcode_id, not_before, recheck)
         VALUES (?, ?, ?, ?, ?, ?, 1)
         ON CONFLICT DO UPDATE SET attempts = 0, not_before = excluded.not_before, recheck = 1`,
        r.fanId,
        tagId,
        r.accountId,
        r.openid,
        r.qrcodeId,
        now,
      );
      queued += 1;
    }
  }
  await scheduleAt(storage, now + GATHER_MS);
  return queued;
}

/** Sets the alarm to `at` unless one is due earlier. */
export async function scheduleAt(storage: DurableObjectStorage, at: number) {
  const current = await storage.getAlarm();
  if (current === null || current > at) await storage.setAlarm(at);
}

export function duePendingTags(
  storage: DurableObjectStorage,
  now: number,
  limit: number,
): PendingFanTag[] {
  ensureTable(storage.sql);
  return storage.sql
    .exec<{
      account_id: string;
      fan_id: string;
      openid: string;
      tag_id: number;
      qrcode_id: string | null;
      attempts: number;
      recheck: number;
    }>(
      `SELECT account_id, fan_id, openid, tag_id, qrcode_id, attempts, recheck
       FROM pending_fan_tags
       WHERE not_before <= ? ORDER BY tag_id, fan_id LIMIT ?`,
      now,
      limit,
    )
    .toArray()
    .map((r) => ({
      accountId: r.account_id,
      fanId: r.fan_id,
      openid: r.openid,
      tagId: r.tag_id,
      qrcodeId: r.qrcode_id,
      attempts: r.attempts,
      recheck: r.recheck === 1,
    }));
}

export function removePendingTags(storage: DurableObjectStorage, items: PendingFanTag[]) {
  for (const i of items) {
    storage.sql.exec(
      "DELETE FROM pending_fan_tags WHERE fan_id = ? AND tag_id = ?",
      i.fanId,
      i.tagId,
    );
  }
}

export function postponePendingTags(
  storage: DurableObjectStorage,
  items: PendingFanTag[],
  at: number,
) {
  for (const i of items) {
    storage.sql.exec(
      "UPDATE pending_fan_tags SET attempts = attempts + 1, not_before = ? WHERE fan_id = ? AND tag_id = ?",
      at,
      i.fanId,
      i.tagId,
    );
  }
}

/** Drops every pending tag of one fan (an erased fan's openid must not stay here). */
export function dropPendingTagsOfFan(storage: DurableObjectStorage, fanId: string): number {
  ensureTable(storage.sql);
  return storage.sql.exec("DELETE FROM pending_fan_tags WHERE fan_id = ?", fanId).rowsWritten;
}

/** When the next pending request falls due, or null when none is left. */
export function nextDueAt(storage: DurableObjectStorage): number | null {
  ensureTable(storage.sql);
  const row = storage.sql
    .exec<{ at: number | null }>("SELECT min(not_before) AS at FROM pending_fan_tags")
    .one();
  return row.at ?? null;
}
