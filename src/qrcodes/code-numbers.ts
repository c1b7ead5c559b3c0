import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { qrcodeFans } from "../db/schema";
import { inJsonList } from "./in-json-list";
import type { CodeNumbers } from "./present-qrcode";

const ZERO: CodeNumbers = { scans: 0, scanners: 0, newFollowers: 0, unfollows: 0 };

/**
 * All-time numbers of the given codes from `qrcode_fans`, which the scans
 * domain keeps current on every event (one row per code and fan).
 * TODO(#4): switch to the scans issue's per-code numbers function when it lands,
 * so that the list and the statistics pages share one definition.
 */
export async function loadCodeNumbers(db: Db, ids: string[]): Promise<Map<string, CodeNumbers>> {
  const out = new Map<string, CodeNumbers>(ids.map((id) => [id, { ...ZERO }]));
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      id: qrcodeFans.qrcodeId,
      scans: sql<number>`coalesce(sum(${qrcodeFans.scanCount}), 0)`,
      scanners: sql<number>`count(*)`,
      newFollowers: sql<number>`sum(case when ${qrcodeFans.isNewFollower} then 1 else 0 end)`,
      unfollows: sql<number>`sum(case when ${qrcodeFans.unfollowedAt} is not null then 1 else 0 end)`,
    })
    .from(qrcodeFans)
    .where(inJsonList(qrcodeFans.qrcodeId, ids))
    .groupBy(qrcodeFans.qrcodeId);
  for (const r of rows) {
    out.set(r.id, {
      scans: Number(r.scans),
      scanners: Number(r.scanners),
      newFollowers: Number(r.newFollowers),
      unfollows: Number(r.unfollows),
    });
  }
  return out;
}
