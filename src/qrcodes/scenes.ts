import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { accounts, type QrKind } from "../db/schema";

/**
 * Scenes are the account's sequence numbers written in decimal ("1", "2", ...),
 * one sequence for both kinds, handed out by a single atomic UPDATE and never
 * reused, so a scan can never land on another code, even a deleted one.
 *
 * Which action carries the number (wechat.md, "Parametric QR codes"):
 * - permanent: QR_LIMIT_SCENE while the number is within its 1..100000 range,
 *   QR_LIMIT_STR_SCENE (scene_str of up to 64 characters) beyond it, which
 *   happens once temporary codes have used up the low numbers;
 * - temporary: QR_SCENE while the number fits its 32-bit range, QR_STR_SCENE
 *   beyond it.
 * WeChat hands back the same decimal text in EventKey for `scene_id` and
 * `scene_str`, so a code is found by its scene whatever action made it. The
 * integer actions come first because they are the original, universally
 * supported forms; the string forms only lift the ranges.
 */
export const PERMANENT_SCENE_ID_MAX = 100_000;
export const TEMPORARY_SCENE_ID_MAX = 2_147_483_647;

export type QrActionName = "QR_SCENE" | "QR_STR_SCENE" | "QR_LIMIT_SCENE" | "QR_LIMIT_STR_SCENE";

export function sceneActionName(kind: QrKind, sceneNumber: number): QrActionName {
  if (kind === "permanent") {
    return sceneNumber <= PERMANENT_SCENE_ID_MAX ? "QR_LIMIT_SCENE" : "QR_LIMIT_STR_SCENE";
  }
  return sceneNumber <= TEMPORARY_SCENE_ID_MAX ? "QR_SCENE" : "QR_STR_SCENE";
}

/**
 * Reserves `count` consecutive scene numbers for the account and returns the
 * first. A reserved number whose code is never made is simply skipped.
 */
export async function reserveScenes(db: Db, accountId: string, count = 1): Promise<number> {
  const [row] = await db
    .update(accounts)
    .set({ sceneSeq: sql`${accounts.sceneSeq} + ${count}` })
    .where(eq(accounts.id, accountId))
    .returning({ sceneSeq: accounts.sceneSeq });
  if (!row) throw new Error("scene reservation found no account");
  return row.sceneSeq - count + 1;
}
