import { chainStatements } from "./cohort-statements";
import { FAN_ID } from "./fan-statements";
import { namedStatement } from "./named-statement";

export type ScanParams = {
  acc: string;
  openid: string;
  /** Null for a scene that matches no code: the scan is kept, nothing else is counted. */
  code: string | null;
  scene: string;
  event: "subscribe" | "SCAN";
  at: number;
  /** The account-zone day of `at`. */
  day: string;
  dedupeKey: string;
  now: number;
};

/**
 * The scan row. `dedupe_key` is unique, so a delivery recorded before fails
 * here and, the batch being one transaction, nothing of it is written twice.
 */
export function insertScan(d1: D1Database, p: ScanParams): D1PreparedStatement {
  return namedStatement(
    d1,
    `INSERT INTO scans (account_id, qrcode_id, scene, fan_id, event, is_new_follower,
       occurred_at, dedupe_key, created_at)
     VALUES (:acc, :code, :scene, ${FAN_ID}, :event, :isNew, :at, :dedupeKey, :now)
     RETURNING id`,
    { ...p, isNew: p.event === "subscribe" ? 1 : 0 },
  );
}

/** The statements that count a scan of a known code, in the order they must run. */
export function codeScanStatements(
  d1: D1Database,
  p: ScanParams & { code: string },
): D1PreparedStatement[] {
  const followed = p.event === "subscribe";
  const params = { ...p, followAt: followed ? p.at : null, isNew: followed ? 1 : 0 };
  const goneAt = `(coalesce((SELECT last_unfollowed_at FROM fans WHERE id = ${FAN_ID}), 0) > :at)`;
  const prev = (filter: string) =>
    `coalesce((SELECT max(day) FROM qrcode_fan_days WHERE qrcode_id = :code
       AND fan_id = ${FAN_ID} AND day < :day AND ${filter}), '')`;

  const daily = `INSERT INTO qrcode_daily (qrcode_id, day, account_id, scans)
    VALUES (:code, :day, :acc, 1)
    ON CONFLICT (qrcode_id, day) DO UPDATE SET scans = scans + 1`;
  const fanDay = `INSERT INTO qrcode_fan_days (qrcode_id, fan_id, day, account_id, first_scan_at,
      scans, prev_day, scan_gone, followed_at, prev_follow_day, follow_gone)
    SELECT :code, ${FAN_ID}, :day, :acc, :at, 1, ${prev("1 = 1")}, ${goneAt}, :followAt,
      CASE WHEN :followAt IS NULL THEN NULL ELSE ${prev("followed_at IS NOT NULL")} END,
      CASE WHEN :followAt IS NULL THEN 0 ELSE ${goneAt} END
    WHERE true
    ON CONFLICT (qrcode_id, fan_id, day) DO UPDATE SET
      scans = scans + 1,
      first_scan_at = min(first_scan_at, excluded.first_scan_at),
      scan_gone = max(scan_gone, excluded.scan_gone),
      followed_at = coalesce(min(followed_at, excluded.followed_at), followed_at, excluded.followed_at),
      prev_follow_day = CASE WHEN followed_at IS NULL THEN excluded.prev_follow_day ELSE prev_follow_day END,
      follow_gone = CASE WHEN excluded.followed_at IS NULL THEN follow_gone
                         ELSE max(follow_gone, excluded.follow_gone) END`;
  const codeFan = `INSERT INTO qrcode_fans (qrcode_id, fan_id, account_id, first_scan_at, last_scan_at,
      scan_count, is_new_follower, followed_at, unfollowed_at)
    SELECT :code, id, :acc, :at, :at, 1, :isNew, :followAt,
      CASE WHEN coalesce(last_unfollowed_at, 0) > :at THEN last_unfollowed_at END
    FROM fans WHERE account_id = :acc AND openid = :openid
    ON CONFLICT (qrcode_id, fan_id) DO UPDATE SET
      first_scan_at = min(first_scan_at, excluded.first_scan_at),
      last_scan_at = max(last_scan_at, excluded.last_scan_at),
      scan_count = scan_count + 1,
      is_new_follower = max(is_new_follower, excluded.is_new_follower),
      followed_at = coalesce(max(followed_at, excluded.followed_at), followed_at, excluded.followed_at),
      unfollowed_at = coalesce(unfollowed_at, excluded.unfollowed_at)`;

  const chain = { acc: p.acc, openid: p.openid, code: p.code, day: p.day, at: p.at };
  return [
    namedStatement(d1, daily, params),
    ...chainStatements(d1, "scan", chain),
    ...(followed ? chainStatements(d1, "follow", chain) : []),
    namedStatement(d1, fanDay, params),
    namedStatement(d1, codeFan, params),
  ];
}
