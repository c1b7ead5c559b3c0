import { newId } from "../lib/ids";
import { upsertFollowingFan, upsertUnfollowingFan } from "./fan-statements";
import { codeScanStatements, insertScan, type ScanParams } from "./scan-statements";
import { unfollowStatements } from "./unfollow-statements";

/** What a scan changed, read from the batch's RETURNING rows. */
export type RecordedScan =
  | { duplicate: true }
  | {
      duplicate: false;
      scanId: number;
      fanId: string;
      /** First scan of this code by this fan on this day / ever. */
      scannerToday: boolean;
      scannerEver: boolean;
      /** First follow through this code by this fan on this day / ever. */
      followerToday: boolean;
      followerEver: boolean;
    };

/** Codes whose numbers an unfollow changed: `unfollows` +1, and `net` -1 when it was a new follower. */
export type UnfollowEffect = { qrcodeId: string; unfollow: boolean; lostFollower: boolean };

type Returned = { results?: Record<string, unknown>[] };

const firstRow = (r: Returned | undefined) => r?.results?.[0];

function isDuplicateScan(err: unknown): boolean {
  return err instanceof Error && /UNIQUE constraint failed: scans\.dedupe_key/.test(err.message);
}

/**
 * Writes one scan and everything it changes (fan, scan, daily scans, fan
 * day, cohorts, code-fan aggregate, plus `extra` statements such as reply
 * deliveries) in one D1 batch: all of it or none of it. A delivery recorded
 * before answers `duplicate` and writes nothing.
 */
export async function recordScan(
  d1: D1Database,
  p: ScanParams,
  extra: D1PreparedStatement[] = [],
): Promise<RecordedScan> {
  const fan = { acc: p.acc, openid: p.openid, newFanId: newId("fan"), at: p.at, now: p.now };
  const followed = p.event === "subscribe";
  const code = p.code;
  const statements = [
    upsertFollowingFan(d1, { ...fan, followed, sourceQrcodeId: code }),
    insertScan(d1, p),
    ...(code ? codeScanStatements(d1, { ...p, code }) : []),
    ...extra,
  ];
  let results: Returned[];
  try {
    results = (await d1.batch(statements)) as Returned[];
  } catch (err) {
    if (isDuplicateScan(err)) return { duplicate: true };
    throw err;
  }

  // Positions follow codeScanStatements: daily, 5 scan-chain, [5 follow-chain], ...
  const scanLink = code ? firstRow(results[3]) : undefined;
  const followLink = code && followed ? firstRow(results[8]) : undefined;
  return {
    duplicate: false,
    scanId: Number(firstRow(results[1])?.id),
    fanId: String(firstRow(results[0])?.id),
    scannerToday: scanLink !== undefined,
    scannerEver: scanLink?.prev_day === "",
    followerToday: followLink !== undefined,
    followerEver: followLink?.prev_day === "",
  };
}

/** A follow that came from no code: the fan row only. */
export async function recordPlainFollow(
  d1: D1Database,
  p: { acc: string; openid: string; at: number; now: number },
): Promise<void> {
  const fan = { ...p, newFanId: newId("fan"), followed: true, sourceQrcodeId: null };
  await upsertFollowingFan(d1, fan).run();
}

/** An unfollow: the fan row and every code the fan scanned before, in one batch. */
export async function recordUnfollow(
  d1: D1Database,
  p: { acc: string; openid: string; at: number; now: number },
): Promise<{ fanId: string; effects: UnfollowEffect[] }> {
  const results = (await d1.batch([
    upsertUnfollowingFan(d1, { ...p, newFanId: newId("fan") }),
    ...unfollowStatements(d1, p),
  ])) as Returned[];

  const effects = new Map<string, UnfollowEffect>();
  const touched = [...(results[1]?.results ?? []), ...(results[2]?.results ?? [])];
  for (const row of touched) {
    if (row.prev_day !== "") continue; // only a fan's first link carries the all-time numbers
    const id = String(row.qrcode_id);
    const effect = effects.get(id) ?? { qrcodeId: id, unfollow: false, lostFollower: false };
    if (row.kind === "scan") effect.unfollow = true;
    else effect.lostFollower = true;
    effects.set(id, effect);
  }
  return { fanId: String(firstRow(results[0])?.id), effects: [...effects.values()] };
}
