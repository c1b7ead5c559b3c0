import type { CodeNumbers } from "../stats/code-numbers";

/**
 * What the account's Durable Object pushes to open consoles. `numbers` are
 * changes to the code's all-time numbers; `dayNumbers` changes to the numbers
 * of `day` alone. A console showing another range refetches its statistics.
 */
export type LiveMessage =
  | {
      type: "scan";
      qrcodeId: string | null;
      occurredAt: number;
      day: string;
      isNewFollower: boolean;
      numbers: CodeNumbers;
      dayNumbers: CodeNumbers;
    }
  | { type: "unfollow"; qrcodeId: string; occurredAt: number; numbers: CodeNumbers };

type ScanChange = {
  scannerEver: boolean;
  scannerToday: boolean;
  followerEver: boolean;
  followerToday: boolean;
};

function delta(scanners: boolean, followers: boolean, scans = 1): CodeNumbers {
  const s = scanners ? 1 : 0;
  const f = followers ? 1 : 0;
  return {
    scans,
    scanners: s,
    newFollowers: f,
    oldFans: s - f,
    unfollows: 0,
    netNewFollowers: f,
  };
}

export function scanLiveMessage(
  qrcodeId: string | null,
  occurredAt: number,
  day: string,
  isNewFollower: boolean,
  change: ScanChange,
): LiveMessage {
  return {
    type: "scan",
    qrcodeId,
    occurredAt,
    day,
    isNewFollower,
    numbers: delta(change.scannerEver, change.followerEver),
    dayNumbers: delta(change.scannerToday, change.followerToday),
  };
}

export function unfollowLiveMessage(
  qrcodeId: string,
  occurredAt: number,
  change: { unfollow: boolean; lostFollower: boolean },
): LiveMessage {
  const numbers = { ...delta(false, false, 0) };
  numbers.unfollows = change.unfollow ? 1 : 0;
  numbers.netNewFollowers = change.lostFollower ? -1 : 0;
  return { type: "unfollow", qrcodeId, occurredAt, numbers };
}
