import { namedStatement, type SqlValue } from "./named-statement";

/**
 * The fan row of an event, written first in every event batch so the later
 * statements can find it by (account, openid). Times are guarded with
 * max/min so that an event recorded after a newer one (WeChat retries out of
 * order) never rolls the fan's state back.
 */

/** The fan's id inside a statement; the fan row is written earlier in the same batch. */
export const FAN_ID = "(SELECT id FROM fans WHERE account_id = :acc AND openid = :openid)";

export type FanParams = { acc: string; openid: string; newFanId: string; at: number; now: number };

/** A scan or a follow: the fan follows now, unless a later unfollow was already recorded. */
export function upsertFollowingFan(
  d1: D1Database,
  p: FanParams & { followed: boolean; sourceQrcodeId: string | null },
): D1PreparedStatement {
  const params: Record<string, SqlValue> = {
    acc: p.acc,
    openid: p.openid,
    newFanId: p.newFanId,
    at: p.at,
    now: p.now,
    followAt: p.followed ? p.at : null,
    followCount: p.followed ? 1 : 0,
    source: p.followed ? p.sourceQrcodeId : null,
  };
  return namedStatement(
    d1,
    `INSERT INTO fans (id, account_id, openid, following, first_followed_at, last_followed_at,
       follow_count, unfollow_count, source_qrcode_id, remark, wechat_tag_ids, created_at, updated_at)
     VALUES (:newFanId, :acc, :openid, 1, :followAt, :followAt, :followCount, 0, :source, '', '[]', :now, :now)
     ON CONFLICT (account_id, openid) DO UPDATE SET
       following = CASE WHEN coalesce(last_unfollowed_at, 0) > :at THEN following ELSE 1 END,
       first_followed_at = coalesce(min(first_followed_at, excluded.first_followed_at),
                                    first_followed_at, excluded.first_followed_at),
       last_followed_at = coalesce(max(last_followed_at, excluded.last_followed_at),
                                   last_followed_at, excluded.last_followed_at),
       follow_count = follow_count + excluded.follow_count,
       source_qrcode_id = coalesce(source_qrcode_id, excluded.source_qrcode_id),
       updated_at = excluded.updated_at
     RETURNING id`,
    params,
  );
}

/** An unfollow: the fan stops following, unless a later follow was already recorded. */
export function upsertUnfollowingFan(d1: D1Database, p: FanParams): D1PreparedStatement {
  return namedStatement(
    d1,
    `INSERT INTO fans (id, account_id, openid, following, unfollow_count, last_unfollowed_at,
       follow_count, remark, wechat_tag_ids, created_at, updated_at)
     VALUES (:newFanId, :acc, :openid, 0, 1, :at, 0, '', '[]', :now, :now)
     ON CONFLICT (account_id, openid) DO UPDATE SET
       following = CASE WHEN coalesce(last_followed_at, 0) > :at THEN following ELSE 0 END,
       unfollow_count = unfollow_count + 1,
       last_unfollowed_at = max(coalesce(last_unfollowed_at, 0), :at),
       updated_at = excluded.updated_at
     RETURNING id`,
    p,
  );
}
