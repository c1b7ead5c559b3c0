import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { sandboxFans } from "../db/schema";

/**
 * The sandbox's fan state. It decides what a scan becomes (wechat.md: a
 * follower scanning gets only SCAN, a non-follower only subscribe) and
 * opens the customer-service window a scan or follow gives.
 */
export type SandboxFan = typeof sandboxFans.$inferSelect;
export type FanEvent = "subscribe" | "SCAN" | "unsubscribe";

export async function findFan(db: Db, appId: string, openid: string): Promise<SandboxFan | null> {
  const [fan] = await db
    .select()
    .from(sandboxFans)
    .where(and(eq(sandboxFans.appId, appId), eq(sandboxFans.openid, openid)))
    .limit(1);
  return fan ?? null;
}

export function listFans(db: Db, appId: string, limit: number) {
  return db
    .select()
    .from(sandboxFans)
    .where(eq(sandboxFans.appId, appId))
    .orderBy(desc(sandboxFans.updatedAt))
    .limit(limit);
}

function sceneFields(scene: string | null) {
  if (scene === null)
    return { subscribeScene: "ADD_SCENE_SEARCH", qrScene: null, qrSceneStr: null };
  const numeric = /^-?\d+$/.test(scene);
  return {
    subscribeScene: "ADD_SCENE_QR_CODE",
    qrScene: numeric ? Number(scene) : null,
    qrSceneStr: numeric ? null : scene,
  };
}

/** Records what WeChat's side knows after the event; `createTime` in Unix seconds. */
export async function applyFanEvent(
  db: Db,
  appId: string,
  openid: string,
  event: FanEvent,
  scene: string | null,
  createTime: number,
): Promise<void> {
  const now = Date.now();
  const at = createTime * 1000;
  const change =
    event === "subscribe"
      ? {
          following: true,
          subscribeTime: createTime,
          ...sceneFields(scene),
          windowStartedAt: at,
          windowSent: 0,
        }
      : event === "SCAN"
        ? { following: true, windowStartedAt: at, windowSent: 0 }
        : { following: false, windowStartedAt: null, windowSent: 0 };
  await db
    .insert(sandboxFans)
    .values({ appId, openid, ...change, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [sandboxFans.appId, sandboxFans.openid],
      set: { ...change, updatedAt: now },
    });
}
