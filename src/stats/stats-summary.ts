import { and, between, eq, gte, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { qrcodeDaily, qrcodeDayCohorts, qrcodes, qrGroups, scans } from "../db/schema";
import {
  type CodeNumbers,
  type DayRange,
  FIRST_DAY,
  LAST_DAY,
  numbersFromTally,
} from "./code-numbers";
import { addDays, zonedDayStart } from "./zoned-day";

type Tally = {
  scans: number;
  scanners: number;
  unfollows: number;
  followers: number;
  lost: number;
};
const emptyTally = (): Tally => ({ scans: 0, scanners: 0, unfollows: 0, followers: 0, lost: 0 });

export type StatsSummary = {
  account: CodeNumbers & { unknownScans: number };
  groups: { groupId: string | null; name: string | null; numbers: CodeNumbers }[];
};

/**
 * Totals of an account and of each group of codes over a range: the sums
 * of the codes' numbers, so a fan who scans two codes counts for both (as
 * PRODUCT.md says of codes). Read from the rollups, grouped in SQL.
 */
export async function getStatsSummary(
  db: Db,
  accountId: string,
  range: DayRange,
  timeZone: string,
): Promise<StatsSummary> {
  const from = range.from ?? FIRST_DAY;
  const to = range.to ?? LAST_DAY;
  const byGroup = new Map<string | null, Tally>();
  const tally = (groupId: string | null) => {
    const t = byGroup.get(groupId) ?? emptyTally();
    byGroup.set(groupId, t);
    return t;
  };

  const scanRows = await db
    .select({ groupId: qrcodes.groupId, n: sql<number>`sum(${qrcodeDaily.scans})` })
    .from(qrcodeDaily)
    .innerJoin(qrcodes, eq(qrcodes.id, qrcodeDaily.qrcodeId))
    .where(and(eq(qrcodeDaily.accountId, accountId), between(qrcodeDaily.day, from, to)))
    .groupBy(qrcodes.groupId);
  for (const r of scanRows) tally(r.groupId).scans = Number(r.n);

  const c = qrcodeDayCohorts;
  const cohortRows = await db
    .select({
      groupId: qrcodes.groupId,
      kind: c.kind,
      fans: sql<number>`sum(${c.fans})`,
      gone: sql<number>`sum(${c.gone})`,
    })
    .from(c)
    .innerJoin(qrcodes, eq(qrcodes.id, c.qrcodeId))
    .where(and(eq(c.accountId, accountId), between(c.day, from, to), lt(c.prevDay, from)))
    .groupBy(qrcodes.groupId, c.kind);
  for (const r of cohortRows) {
    const t = tally(r.groupId);
    if (r.kind === "scan") [t.scanners, t.unfollows] = [Number(r.fans), Number(r.gone)];
    else [t.followers, t.lost] = [Number(r.fans), Number(r.gone)];
  }

  const groups = await db
    .select({ id: qrGroups.id, name: qrGroups.name })
    .from(qrGroups)
    .where(eq(qrGroups.accountId, accountId));
  const names = new Map(groups.map((g) => [g.id, g.name]));
  const total = emptyTally();
  for (const t of byGroup.values()) {
    for (const k of Object.keys(total) as (keyof Tally)[]) total[k] += t[k];
  }
  return {
    account: {
      ...numbersFromTally(total),
      unknownScans: await countUnknownScans(db, accountId, range, timeZone),
    },
    groups: [...byGroup].map(([groupId, t]) => ({
      groupId,
      name: groupId ? (names.get(groupId) ?? null) : null,
      numbers: numbersFromTally(t),
    })),
  };
}

/** Scans whose scene matched no code; few, so counted from the raw scans. */
async function countUnknownScans(db: Db, accountId: string, range: DayRange, timeZone: string) {
  const conditions = [eq(scans.accountId, accountId), isNull(scans.qrcodeId)];
  if (range.from) conditions.push(gte(scans.occurredAt, zonedDayStart(range.from, timeZone)));
  if (range.to)
    conditions.push(lt(scans.occurredAt, zonedDayStart(addDays(range.to, 1), timeZone)));
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(scans)
    .where(and(...conditions));
  return Number(row?.n ?? 0);
}
