import { and, between, eq, min, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { qrcodeDaily, qrcodeDayCohorts } from "../db/schema";
import {
  type CodeNumbers,
  type DayRange,
  getCodeNumbers,
  numbersFromTally,
  ZERO_NUMBERS,
} from "./code-numbers";
import { addDays, dayInZone, daysBetween } from "./zoned-day";

/** The daily series covers at most this many days (the last ones of the range). */
export const MAX_SERIES_DAYS = 1000;

export type DayNumbers = CodeNumbers & { day: string };

export type CodeStats = {
  numbers: CodeNumbers;
  series: DayNumbers[];
};

/**
 * A code's numbers over the range and one entry per day. A day's entry is
 * the numbers of that day alone: its scanners are distinct within the day,
 * so the days' scanners add up to more than the range's when fans return.
 */
export async function getCodeStats(
  db: Db,
  accountId: string,
  qrcodeId: string,
  range: DayRange,
  timeZone: string,
  now = Date.now(),
): Promise<CodeStats> {
  const numbers =
    (await getCodeNumbers(db, accountId, [qrcodeId], range)).get(qrcodeId) ?? ZERO_NUMBERS;
  return { numbers, series: await rangeSeries(db, accountId, qrcodeId, range, timeZone, now) };
}

/**
 * The daily series of a range: an open end is today in the zone, an open
 * start the first day with a scan; at most the last MAX_SERIES_DAYS days.
 */
export async function rangeSeries(
  db: Db,
  accountId: string,
  qrcodeId: string | null,
  range: DayRange,
  timeZone: string,
  now = Date.now(),
): Promise<DayNumbers[]> {
  const to = range.to ?? dayInZone(now, timeZone);
  const from = range.from ?? (await firstDay(db, accountId, qrcodeId)) ?? to;
  const earliest = addDays(to, 1 - MAX_SERIES_DAYS);
  // Day labels compare as strings; the series keeps the last MAX_SERIES_DAYS days.
  const seriesFrom = [from, earliest].sort()[1] ?? from;
  return from > to ? [] : dailySeries(db, accountId, qrcodeId, seriesFrom, to);
}

/** The first day with a scan of the code, or of any code of the account when `qrcodeId` is null. */
export async function firstDay(
  db: Db,
  accountId: string,
  qrcodeId: string | null,
): Promise<string | null> {
  const [row] = await db
    .select({ day: min(qrcodeDaily.day) })
    .from(qrcodeDaily)
    .where(and(ofCodes(qrcodeDaily, accountId, qrcodeId)));
  return row?.day ?? null;
}

/** Rows of one code, or of every code of the account when `qrcodeId` is null. */
function ofCodes(
  t: typeof qrcodeDaily | typeof qrcodeDayCohorts,
  accountId: string,
  qrcodeId: string | null,
) {
  const account = eq(t.accountId, accountId);
  return qrcodeId === null ? account : and(account, eq(t.qrcodeId, qrcodeId));
}

/**
 * One entry per day from `from` to `to`. For a whole account (`qrcodeId`
 * null) a day's entry sums its codes' entries, as the account totals do.
 */
export async function dailySeries(
  db: Db,
  accountId: string,
  qrcodeId: string | null,
  from: string,
  to: string,
): Promise<DayNumbers[]> {
  const tallies = new Map(
    daysBetween(from, to).map((day) => [
      day,
      { scans: 0, scanners: 0, unfollows: 0, followers: 0, lost: 0 },
    ]),
  );
  const scans = await db
    .select({ day: qrcodeDaily.day, scans: sql<number>`sum(${qrcodeDaily.scans})` })
    .from(qrcodeDaily)
    .where(and(ofCodes(qrcodeDaily, accountId, qrcodeId), between(qrcodeDaily.day, from, to)))
    .groupBy(qrcodeDaily.day);
  for (const row of scans) {
    const t = tallies.get(row.day);
    if (t) t.scans = Number(row.scans);
  }
  // Within one day every link's previous day is earlier, so all of the day's rows count.
  const c = qrcodeDayCohorts;
  const cohorts = await db
    .select({
      day: c.day,
      kind: c.kind,
      fans: sql<number>`sum(${c.fans})`,
      gone: sql<number>`sum(${c.gone})`,
    })
    .from(c)
    .where(and(ofCodes(c, accountId, qrcodeId), between(c.day, from, to)))
    .groupBy(c.day, c.kind);
  for (const row of cohorts) {
    const t = tallies.get(row.day);
    if (!t) continue;
    if (row.kind === "scan") {
      t.scanners = Number(row.fans);
      t.unfollows = Number(row.gone);
    } else {
      t.followers = Number(row.fans);
      t.lost = Number(row.gone);
    }
  }
  return [...tallies].map(([day, t]) => ({ day, ...numbersFromTally(t) }));
}
