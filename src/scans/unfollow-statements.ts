import { FAN_ID } from "./fan-statements";
import { namedStatement } from "./named-statement";

export type UnfollowParams = { acc: string; openid: string; at: number };

/**
 * What an unfollow changes for every code the fan scanned before it: each
 * scan-day and follow-day link older than the unfollow becomes "gone" once
 * (the flags never go back: "unfollowed after scanning" stays true), its
 * cohort counts it, and the code's `unfollowed_at` moves to the latest
 * unfollow. Cohort updates come first: they select links not yet gone.
 *
 * The cohort statements return the rows they touched, from which the live
 * counters learn which codes lost a fan.
 */
export function unfollowStatements(d1: D1Database, p: UnfollowParams): D1PreparedStatement[] {
  const links = `qrcode_fan_days WHERE fan_id = ${FAN_ID}`;
  const sql = [
    `UPDATE qrcode_day_cohorts SET gone = gone + 1
     WHERE (qrcode_id, kind, day, prev_day) IN (
       SELECT qrcode_id, 'scan', day, prev_day FROM ${links}
       AND scan_gone = 0 AND first_scan_at < :at)
     RETURNING qrcode_id, kind, day, prev_day`,
    `UPDATE qrcode_day_cohorts SET gone = gone + 1
     WHERE (qrcode_id, kind, day, prev_day) IN (
       SELECT qrcode_id, 'follow', day, prev_follow_day FROM ${links}
       AND follow_gone = 0 AND followed_at < :at)
     RETURNING qrcode_id, kind, day, prev_day`,
    `UPDATE qrcode_fan_days SET scan_gone = 1
     WHERE fan_id = ${FAN_ID} AND scan_gone = 0 AND first_scan_at < :at`,
    `UPDATE qrcode_fan_days SET follow_gone = 1
     WHERE fan_id = ${FAN_ID} AND follow_gone = 0 AND followed_at < :at`,
    `UPDATE qrcode_fans SET unfollowed_at = max(coalesce(unfollowed_at, 0), :at)
     WHERE fan_id = ${FAN_ID} AND first_scan_at < :at`,
  ];
  return sql.map((text) => namedStatement(d1, text, p));
}
