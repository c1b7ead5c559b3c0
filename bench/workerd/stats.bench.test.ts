// The numbers of a code with a million scans: how long the statistics queries take on the
// rollups, against the naive count over raw scans, and that both give the same numbers.
// Seeding writes raw scans with SQL and derives the rollups from them with SQL (window
// functions), because a million events through the webhook would take an hour here.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import { getDb } from "../../src/db/client";
import { handleWechatEvent } from "../../src/scans/handle-event";
import { getCodeNumbers } from "../../src/stats/code-numbers";
import { getCodeStats } from "../../src/stats/code-stats";
import { listCodeFans } from "../../src/stats/list-code-fans";
import { addDays, zonedDayStart } from "../../src/stats/zoned-day";
import { insertAccount, insertCode } from "../../test/worker/scans/fixtures";

const SCANS = 1_000_000;
const FANS = 250_000;
const DAYS = 365;
const TZ = "Asia/Shanghai";
const FIRST = "2025-01-01";
const START = zonedDayStart(FIRST, TZ);
const CHUNK = 100_000;
// Asia/Shanghai has kept UTC+8 without daylight saving since 1991: a fixed offset in SQL is
// exact for seeding here (the product itself uses Intl).
const DAY_SQL = "date(occurred_at / 1000 + 28800, 'unixepoch')";

async function run(sql: string, ...binds: (string | number)[]) {
  return env.DB.prepare(sql)
    .bind(...binds)
    .run();
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = Date.now();
  const value = await fn();
  return [value, Date.now() - t];
}

async function medianMs<T>(fn: () => Promise<T>, rounds = 5): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < rounds; i++) {
    const [v, ms] = await timed(fn);
    value = v;
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { ms: times[times.length >> 1] ?? 0, value: value as T };
}

async function seed(accountId: string, codeId: string) {
  await run(
    `INSERT INTO fans (id, account_id, openid, following, follow_count, unfollow_count, remark,
       wechat_tag_ids, created_at, updated_at)
     WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
     SELECT 'fan_b_' || i, ?, 'o_b_' || i, 1, 0, 0, '', '[]', 0, 0 FROM n`,
    FANS,
    accountId,
  );
  const spacing = Math.floor((DAYS * 86_400_000) / SCANS);
  // The pool of fans grows through the year, so new fans keep arriving, and a scan picks a fan
  // of the pool at random (a multiplicative hash): returns spread over every earlier day, the
  // worst case for the cohort table's size.
  for (let from = 0; from < SCANS; from += CHUNK) {
    // Numbers are written into the SQL (they are this file's constants): a bound JS number
    // arrives as a REAL and would turn the fan ids into "fan_b_12.0".
    await run(
      `INSERT INTO scans (account_id, qrcode_id, scene, fan_id, event, is_new_follower,
         occurred_at, dedupe_key, created_at)
       WITH RECURSIVE n(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${Math.min(from + CHUNK, SCANS)})
       SELECT ?, ?, 'big', 'fan_b_' || (((i * 2654435761) % 4294967296) % (1 + i * ${FANS} / ${SCANS})), 'SCAN', 0,
         ${START} + i * ${spacing} + ((i * 13) % 60000), 'b|' || i, 0 FROM n`,
      accountId,
      codeId,
    );
  }
  // Six fans in ten followed by scanning the code; the others already followed.
  await run(
    `UPDATE scans SET event = 'subscribe', is_new_follower = 1 WHERE id IN (
       SELECT min(id) FROM scans WHERE qrcode_id = ? GROUP BY fan_id)
     AND CAST(substr(fan_id, 7) AS INTEGER) % 10 < 6`,
    codeId,
  );
  // One fan in seven unfollowed 20 days after their first scan.
  await run(
    `UPDATE fans SET following = 0, unfollow_count = 1, last_unfollowed_at = s.first + 20 * 86400000
     FROM (SELECT fan_id, min(occurred_at) AS first FROM scans WHERE qrcode_id = ? GROUP BY fan_id) AS s
     WHERE s.fan_id = fans.id AND CAST(substr(fans.id, 7) AS INTEGER) % 7 = 0`,
    codeId,
  );
  await deriveRollups(codeId);
}

async function deriveRollups(codeId: string) {
  await run(
    `INSERT INTO qrcode_fan_days (qrcode_id, fan_id, day, account_id, first_scan_at, scans,
       prev_day, scan_gone, followed_at, prev_follow_day, follow_gone)
     SELECT qrcode_id, fan_id, day, account_id, first_scan_at, n,
       coalesce(lag(day) OVER (PARTITION BY fan_id ORDER BY day), ''), 0, followed_at, NULL, 0
     FROM (SELECT qrcode_id, fan_id, account_id, ${DAY_SQL} AS day, min(occurred_at) AS first_scan_at,
             count(*) AS n, min(CASE WHEN event = 'subscribe' THEN occurred_at END) AS followed_at
           FROM scans WHERE qrcode_id = ? GROUP BY fan_id, day)`,
    codeId,
  );
  await run(
    `UPDATE qrcode_fan_days SET prev_follow_day = coalesce((SELECT max(p.day) FROM qrcode_fan_days p
       WHERE p.qrcode_id = qrcode_fan_days.qrcode_id AND p.fan_id = qrcode_fan_days.fan_id
         AND p.day < qrcode_fan_days.day AND p.followed_at IS NOT NULL), '')
     WHERE qrcode_id = ? AND followed_at IS NOT NULL`,
    codeId,
  );
  await run(
    `UPDATE qrcode_fan_days SET
       scan_gone = coalesce((SELECT f.last_unfollowed_at FROM fans f
         WHERE f.id = qrcode_fan_days.fan_id), 0) > first_scan_at,
       follow_gone = coalesce(followed_at IS NOT NULL AND coalesce((SELECT f.last_unfollowed_at FROM fans f
         WHERE f.id = qrcode_fan_days.fan_id), 0) > followed_at, 0)
     WHERE qrcode_id = ?`,
    codeId,
  );
  await run(
    `INSERT INTO qrcode_day_cohorts (qrcode_id, kind, day, prev_day, account_id, fans, gone)
     SELECT qrcode_id, 'scan', day, prev_day, account_id, count(*), sum(scan_gone)
     FROM qrcode_fan_days WHERE qrcode_id = ? GROUP BY day, prev_day`,
    codeId,
  );
  await run(
    `INSERT INTO qrcode_day_cohorts (qrcode_id, kind, day, prev_day, account_id, fans, gone)
     SELECT qrcode_id, 'follow', day, prev_follow_day, account_id, count(*), sum(follow_gone)
     FROM qrcode_fan_days WHERE qrcode_id = ? AND followed_at IS NOT NULL GROUP BY day, prev_follow_day`,
    codeId,
  );
  await run(
    `INSERT INTO qrcode_daily (qrcode_id, day, account_id, scans)
     SELECT qrcode_id, ${DAY_SQL}, account_id, count(*) FROM scans WHERE qrcode_id = ? GROUP BY 2`,
    codeId,
  );
  await run(
    `INSERT INTO qrcode_fans (qrcode_id, fan_id, account_id, first_scan_at, last_scan_at, scan_count,
       is_new_follower, followed_at, unfollowed_at)
     SELECT s.qrcode_id, s.fan_id, s.account_id, min(s.occurred_at), max(s.occurred_at), count(*),
       max(s.event = 'subscribe'), max(CASE WHEN s.event = 'subscribe' THEN s.occurred_at END),
       CASE WHEN f.last_unfollowed_at > min(s.occurred_at) THEN f.last_unfollowed_at END
     FROM scans s JOIN fans f ON f.id = s.fan_id WHERE s.qrcode_id = ? GROUP BY s.fan_id`,
    codeId,
  );
}

/** The same numbers counted the slow way, over raw scans, for comparison and as a check. */
async function naiveNumbers(codeId: string, from: string, to: string) {
  const start = zonedDayStart(from, TZ);
  const end = zonedDayStart(addDays(to, 1), TZ);
  const row = await env.DB.prepare(
    `SELECT count(*) AS scans, count(DISTINCT s.fan_id) AS scanners,
       count(DISTINCT CASE WHEN s.event = 'subscribe' THEN s.fan_id END) AS followers,
       (SELECT count(*) FROM (SELECT x.fan_id, min(x.occurred_at) AS t FROM scans x
          WHERE x.qrcode_id = ?1 AND x.occurred_at >= ?2 AND x.occurred_at < ?3 GROUP BY x.fan_id) a
        JOIN fans f ON f.id = a.fan_id WHERE coalesce(f.last_unfollowed_at, 0) > a.t) AS unfollows,
       (SELECT count(*) FROM (SELECT x.fan_id, min(x.occurred_at) AS t FROM scans x
          WHERE x.qrcode_id = ?1 AND x.occurred_at >= ?2 AND x.occurred_at < ?3 AND x.event = 'subscribe'
          GROUP BY x.fan_id) a
        JOIN fans f ON f.id = a.fan_id WHERE coalesce(f.last_unfollowed_at, 0) > a.t) AS lost
     FROM scans s WHERE s.qrcode_id = ?1 AND s.occurred_at >= ?2 AND s.occurred_at < ?3`,
  )
    .bind(codeId, start, end)
    .first<{
      scans: number;
      scanners: number;
      followers: number;
      unfollows: number;
      lost: number;
    }>();
  if (!row) throw new Error("no row");
  return {
    scans: row.scans,
    scanners: row.scanners,
    newFollowers: row.followers,
    oldFans: row.scanners - row.followers,
    unfollows: row.unfollows,
    netNewFollowers: row.followers - row.lost,
  };
}

it("statistics of a code with a million scans", async () => {
  const db = getDb(env.DB);
  const account = await insertAccount({ timeZone: TZ });
  const code = await insertCode(account.id, { scene: "big" });
  const others = await Promise.all(Array.from({ length: 49 }, () => insertCode(account.id)));
  const [, seedMs] = await timed(() => seed(account.id, code.id));

  const last = addDays(FIRST, DAYS - 1);
  const month = { from: addDays(last, -29), to: last };
  const year = { from: FIRST, to: last };
  const figures: Record<string, number> = { seedMs };
  const results: Record<string, unknown> = {};

  for (const [name, range] of [
    ["allTime", {}],
    ["last30Days", month],
    ["wholeYearAsRange", year],
    ["oneDay", { from: last, to: last }],
  ] as const) {
    const r = await medianMs(() => getCodeNumbers(db, account.id, [code.id], range));
    figures[`numbers.${name}`] = r.ms;
    results[name] = r.value.get(code.id);
  }
  const series = await medianMs(() => getCodeStats(db, account.id, code.id, year, TZ));
  figures["stats.yearWithSeries"] = series.ms;
  const list = await medianMs(() =>
    getCodeNumbers(db, account.id, [code.id, ...others.map((o) => o.id)]),
  );
  figures["numbers.50codesForList"] = list.ms;
  const page = { segment: "all" as const, page: 1, pageSize: 50 };
  figures["fans.page1"] = (
    await medianMs(() => listCodeFans(db, env.DB, account.id, code.id, page))
  ).ms;
  figures["fans.page100"] = (
    await medianMs(() => listCodeFans(db, env.DB, account.id, code.id, { ...page, page: 100 }))
  ).ms;
  figures["fans.new.last30Days"] = (
    await medianMs(() =>
      listCodeFans(db, env.DB, account.id, code.id, { ...page, ...month, segment: "new" }),
    )
  ).ms;
  // Which of the two makes that one slow: the range (one row per scanner in it) or the segment.
  figures["fans.all.last30Days"] = (
    await medianMs(() => listCodeFans(db, env.DB, account.id, code.id, { ...page, ...month }))
  ).ms;
  // The list walks the code's fans by latest scan: a range long past is its slowest case.
  const firstMonth = { from: FIRST, to: addDays(FIRST, 29) };
  figures["fans.all.firstMonth"] = (
    await medianMs(() => listCodeFans(db, env.DB, account.id, code.id, { ...page, ...firstMonth }))
  ).ms;
  figures["fans.all.year"] = (
    await medianMs(() => listCodeFans(db, env.DB, account.id, code.id, { ...page, ...year }))
  ).ms;
  figures["fans.new.allTime"] = (
    await medianMs(() => listCodeFans(db, env.DB, account.id, code.id, { ...page, segment: "new" }))
  ).ms;

  for (const [name, range] of [
    ["wholeYearAsRange", year],
    ["last30Days", month],
  ] as const) {
    const naive = await medianMs(() => naiveNumbers(code.id, range.from, range.to), 3);
    figures[`naive.${name}`] = naive.ms;
    expect(results[name]).toEqual(naive.value);
  }
  // The last scans of the seed fall on the day after the year, so all-time has a few more.
  expect((results.allTime as { scans: number }).scans).toBeGreaterThanOrEqual(
    (results.wholeYearAsRange as { scans: number }).scans,
  );

  // Recording scans stays as cheap with a million rows behind it.
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const ctx = createExecutionContext();
    const event = {
      kind: "scan",
      openid: `o_b_${i}`,
      createTime: Math.floor(Date.now() / 1000) + i,
      scene: "big",
      ticket: null,
    } as const;
    const [, ms] = await timed(() => handleWechatEvent(env, ctx, account, event));
    await waitOnExecutionContext(ctx);
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  figures["recordScan.median"] = times[times.length >> 1] ?? 0;

  const rows = await env.DB.prepare(
    `SELECT (SELECT count(*) FROM qrcode_fan_days WHERE qrcode_id = ?1) AS fanDays,
            (SELECT count(*) FROM qrcode_day_cohorts WHERE qrcode_id = ?1) AS cohorts,
            (SELECT count(*) FROM qrcode_daily WHERE qrcode_id = ?1) AS daily`,
  )
    .bind(code.id)
    .first();
  console.log(
    `BENCH_RESULT ${JSON.stringify({ bench: "stats", scans: SCANS, fans: FANS, days: DAYS, rows, numbers: results, figures })}`,
  );
});
