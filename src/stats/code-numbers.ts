import { and, between, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { qrcodeDaily, qrcodeDayCohorts } from "../db/schema";

/**
 * The numbers of a code (PRODUCT.md "The numbers on a code") over an
 * optional range of days in the account's time zone. The exact definitions
 * are in src/stats/README.md. Read from the rollups only: the cost grows with
 * the number of days a code has data for, never with its scans.
 */
export type CodeNumbers = {
  scans: number;
  scanners: number;
  newFollowers: number;
  oldFans: number;
  unfollows: number;
  netNewFollowers: number;
};

/** Inclusive day labels; a missing bound is open. */
export type DayRange = { from?: string | undefined; to?: string | undefined };

/** Below every day label, and above "" (a fan's first link): `prev_day < FIRST_DAY` is "no earlier day". */
export const FIRST_DAY = "0000-00-00";
export const LAST_DAY = "9999-12-31";

export const ZERO_NUMBERS: CodeNumbers = {
  scans: 0,
  scanners: 0,
  newFollowers: 0,
  oldFans: 0,
  unfollows: 0,
  netNewFollowers: 0,
};

/** D1 binds at most 100 parameters a statement. */
const IDS_PER_QUERY = 90;

type Tally = {
  scans: number;
  scanners: number;
  unfollows: number;
  followers: number;
  lost: number;
};

export function numbersFromTally(t: Tally): CodeNumbers {
  return {
    scans: t.scans,
    scanners: t.scanners,
    newFollowers: t.followers,
    oldFans: t.scanners - t.followers,
    unfollows: t.unfollows,
    netNewFollowers: t.followers - t.lost,
  };
}

const emptyTally = (): Tally => ({ scans: 0, scanners: 0, unfollows: 0, followers: 0, lost: 0 });

/**
 * Numbers of several codes of one account, for the code list and the
 * statistics page. Codes without scans (or of another account) get zeros.
 */
export async function getCodeNumbers(
  db: Db,
  accountId: string,
  codeIds: readonly string[],
  range: DayRange = {},
): Promise<Map<string, CodeNumbers>> {
  const from = range.from ?? FIRST_DAY;
  const to = range.to ?? LAST_DAY;
  const tallies = new Map<string, Tally>(codeIds.map((id) => [id, emptyTally()]));

  for (let i = 0; i < codeIds.length; i += IDS_PER_QUERY) {
    const ids = codeIds.slice(i, i + IDS_PER_QUERY);
    const scans = await db
      .select({ id: qrcodeDaily.qrcodeId, n: sql<number>`sum(${qrcodeDaily.scans})` })
      .from(qrcodeDaily)
      .where(
        and(
          inArray(qrcodeDaily.qrcodeId, ids),
          eq(qrcodeDaily.accountId, accountId),
          between(qrcodeDaily.day, from, to),
        ),
      )
      .groupBy(qrcodeDaily.qrcodeId);
    for (const row of scans) {
      const t = tallies.get(row.id);
      if (t) t.scans = Number(row.n);
    }

    const c = qrcodeDayCohorts;
    const cohorts = await db
      .select({
        id: c.qrcodeId,
        kind: c.kind,
        fans: sql<number>`sum(${c.fans})`,
        gone: sql<number>`sum(${c.gone})`,
      })
      .from(c)
      .where(
        and(
          inArray(c.qrcodeId, ids),
          eq(c.accountId, accountId),
          between(c.day, from, to),
          lt(c.prevDay, from),
        ),
      )
      .groupBy(c.qrcodeId, c.kind);
    for (const row of cohorts) {
      const t = tallies.get(row.id);
      if (!t) continue;
      if (row.kind === "scan") {
        t.scanners = Number(row.fans);
        t.unfollows = Number(row.gone);
      } else {
        t.followers = Number(row.fans);
        t.lost = Number(row.gone);
      }
    }
  }
  return new Map([...tallies].map(([id, t]) => [id, numbersFromTally(t)]));
}
