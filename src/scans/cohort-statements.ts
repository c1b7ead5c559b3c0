import type { CohortKind } from "../db/schema";
import { FAN_ID } from "./fan-statements";
import { namedStatement } from "./named-statement";

/**
 * Keeps `qrcode_day_cohorts` in step with `qrcode_fan_days` for one event
 * (see the table's comment for why). Each fan's days with a scan (kind
 * `scan`) or a follow through the code (kind `follow`) form a chain; a
 * cohort row counts the chain links by (day, previous day).
 *
 * All state is read inside the batch, so concurrent events of one fan stay
 * consistent. An event older than one already recorded (a late retry) is
 * spliced into the chain: the next day's link is moved to point at it.
 * These statements must run before the fan-day row of the event is written.
 */

type ChainColumns = { filter: string; time: string; prev: string; gone: string };

const CHAINS: Record<CohortKind, ChainColumns> = {
  scan: { filter: "1 = 1", time: "first_scan_at", prev: "prev_day", gone: "scan_gone" },
  follow: {
    filter: "followed_at IS NOT NULL",
    time: "followed_at",
    prev: "prev_follow_day",
    gone: "follow_gone",
  },
};

export type ChainParams = { acc: string; openid: string; code: string; day: string; at: number };

export function chainStatements(
  d1: D1Database,
  kind: CohortKind,
  p: ChainParams,
): D1PreparedStatement[] {
  const c = CHAINS[kind];
  const links = `qrcode_fan_days WHERE qrcode_id = :code AND fan_id = ${FAN_ID} AND ${c.filter}`;
  const linkToday = `EXISTS (SELECT 1 FROM ${links} AND day = :day)`;
  const prev = `coalesce((SELECT max(day) FROM ${links} AND day < :day), '')`;
  const next = `(SELECT min(day) FROM ${links} AND day > :day)`;
  const goneAt = `(coalesce((SELECT last_unfollowed_at FROM fans WHERE id = ${FAN_ID}), 0) > :at)`;
  const params = { ...p, kind };
  const upsert = `ON CONFLICT (qrcode_id, kind, day, prev_day)
    DO UPDATE SET fans = fans + 1, gone = gone + excluded.gone`;

  const addLink = `INSERT INTO qrcode_day_cohorts (qrcode_id, kind, day, prev_day, account_id, fans, gone)
    SELECT :code, :kind, :day, ${prev}, :acc, 1, ${goneAt} WHERE NOT ${linkToday}
    ${upsert} RETURNING prev_day`;
  const unlinkNext = `UPDATE qrcode_day_cohorts
    SET fans = fans - 1, gone = gone - (SELECT ${c.gone} FROM ${links} AND day = ${next})
    WHERE qrcode_id = :code AND kind = :kind AND day = ${next} AND prev_day = ${prev}
      AND NOT ${linkToday}`;
  const relinkNext = `INSERT INTO qrcode_day_cohorts (qrcode_id, kind, day, prev_day, account_id, fans, gone)
    SELECT :code, :kind, day, :day, :acc, 1, ${c.gone} FROM ${links}
    AND day = ${next} AND NOT ${linkToday}
    ${upsert}`;
  const repointNext = `UPDATE qrcode_fan_days SET ${c.prev} = :day
    WHERE qrcode_id = :code AND fan_id = ${FAN_ID} AND ${c.filter} AND day = ${next}
      AND NOT ${linkToday}`;
  // An earlier event of a day already linked can turn the link "gone": an
  // unfollow recorded between this event and the day's first known one.
  const earlierToday = `UPDATE qrcode_day_cohorts SET gone = gone + 1
    WHERE qrcode_id = :code AND kind = :kind AND day = :day AND ${goneAt}
      AND prev_day = (SELECT ${c.prev} FROM ${links} AND day = :day
                      AND ${c.time} > :at AND ${c.gone} = 0)`;

  return [addLink, unlinkNext, relinkNext, repointNext, earlierToday].map((sql) =>
    namedStatement(d1, sql, params),
  );
}
