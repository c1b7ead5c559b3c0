import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { fans, fanTagFailures } from "../db/schema";
import { retryD1Write } from "../jobs/retry-d1-write";
import { newId } from "../lib/ids";
import type { PendingFanTag } from "./fan-tag-queue";

export type FanTagFailure = { item: PendingFanTag; errcode: number | null; reason: string };

const IDS_PER_QUERY = 90;

/** The WeChat tag ids the product knows each fan carries. */
export async function loadKnownFanTags(
  db: Db,
  fanIds: string[],
): Promise<Map<string, Set<number>>> {
  const known = new Map<string, Set<number>>();
  for (let i = 0; i < fanIds.length; i += IDS_PER_QUERY) {
    const rows = await db
      .select({ id: fans.id, tags: fans.wechatTagIds })
      .from(fans)
      .where(inArray(fans.id, fanIds.slice(i, i + IDS_PER_QUERY)));
    for (const r of rows) known.set(r.id, new Set(r.tags ?? []));
  }
  return known;
}

/** Writes the fans' tag lists as now known and one failure row per fan and tag not applied. */
export async function saveTaggingOutcome(
  db: Db,
  accountId: string,
  known: Map<string, Set<number>>,
  failures: FanTagFailure[],
  now: number,
) {
  const writes = [
    ...[...known].map(([fanId, tags]) =>
      db
        .update(fans)
        .set({ wechatTagIds: [...tags].sort((a, b) => a - b) })
        .where(and(eq(fans.id, fanId), eq(fans.accountId, accountId))),
    ),
    ...failures.map((f) =>
      db
        .insert(fanTagFailures)
        .values({
          id: newId("ftf"),
          accountId,
          fanId: f.item.fanId,
          qrcodeId: f.item.qrcodeId,
          wechatTagId: f.item.tagId,
          errcode: f.errcode,
          reason: f.reason,
          createdAt: now,
        })
        .onConflictDoNothing(),
    ),
  ];
  const [first, ...rest] = writes;
  // The failure rows' ids are fixed above, so a retried batch adds none twice.
  if (first) await retryD1Write("fan tag outcome", () => db.batch([first, ...rest]));
}
