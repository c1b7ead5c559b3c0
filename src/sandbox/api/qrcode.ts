import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { sandboxApps, sandboxQrcodes } from "../../db/schema";
import { bytesToBase64 } from "../../lib/encoding";
import { jsonObject, randomChars, type SandboxContext, wxError } from "./context";

/**
 * `POST /cgi-bin/qrcode/create` with wechat.md's rules: four action names
 * (40052 otherwise), scene rules per kind (40053), expire_seconds at most
 * 2,592,000 and 60 when left out, 100,000 permanent codes per account
 * (45029). Without the `scene` wrapper a ticket is still made, but its
 * scans carry scene 0, as on WeChat.
 */
export const PERMANENT_QR_CAP = 100_000;
const MAX_EXPIRE_SECONDS = 2_592_000;
const DEFAULT_EXPIRE_SECONDS = 60;
const ACTIONS = ["QR_SCENE", "QR_STR_SCENE", "QR_LIMIT_SCENE", "QR_LIMIT_STR_SCENE"] as const;
type Action = (typeof ACTIONS)[number];

type SceneCheck = { ok: true; scene: string } | { ok: false };

function checkScene(action: Action, actionInfo: unknown): SceneCheck {
  if (typeof actionInfo !== "object" || actionInfo === null) return { ok: false };
  const wrapped = (actionInfo as { scene?: unknown }).scene;
  if (typeof wrapped !== "object" || wrapped === null) return { ok: true, scene: "0" };
  const { scene_id: id, scene_str: str } = wrapped as { scene_id?: unknown; scene_str?: unknown };
  if (action === "QR_STR_SCENE" || action === "QR_LIMIT_STR_SCENE") {
    if (id !== undefined || typeof str !== "string" || str.length < 1 || str.length > 64)
      return { ok: false };
    return { ok: true, scene: str };
  }
  if (str !== undefined || typeof id !== "number" || !Number.isInteger(id)) return { ok: false };
  const inRange =
    action === "QR_LIMIT_SCENE"
      ? id >= 1 && id <= 100_000
      : id !== 0 && id >= -(2 ** 31) && id < 2 ** 32;
  return inRange ? { ok: true, scene: String(id) } : { ok: false };
}

function newTicket(): { ticket: string; url: string } {
  // Real tickets are base64 and carry `+ / =`; callers must URL-encode them.
  const ticket = bytesToBase64(crypto.getRandomValues(new Uint8Array(61)));
  const url = `http://weixin.qq.com/q/02${randomChars(22, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")}`;
  return { ticket, url };
}

/** Counts one more permanent code unless the cap is reached; false at the cap. */
async function countPermanent(db: Db, appId: string): Promise<boolean> {
  await db.insert(sandboxApps).values({ appId, createdAt: Date.now() }).onConflictDoNothing();
  const bumped = await db
    .update(sandboxApps)
    .set({ permanentQrCount: sql`${sandboxApps.permanentQrCount} + 1` })
    .where(
      and(eq(sandboxApps.appId, appId), sql`${sandboxApps.permanentQrCount} < ${PERMANENT_QR_CAP}`),
    )
    .returning({ appId: sandboxApps.appId });
  return bumped.length > 0;
}

async function existingPermanent(db: Db, appId: string, action: Action, scene: string) {
  const [row] = await db
    .select()
    .from(sandboxQrcodes)
    .where(
      and(
        eq(sandboxQrcodes.appId, appId),
        eq(sandboxQrcodes.actionName, action),
        eq(sandboxQrcodes.scene, scene),
      ),
    )
    .limit(1);
  return row;
}

export async function createQrCodeHandler(c: SandboxContext) {
  const body = jsonObject(c);
  const action = ACTIONS.find((a) => a === body.action_name);
  if (!action) return wxError(c, 40052, "invalid action name");
  const checked = checkScene(action, body.action_info);
  if (!checked.ok) return wxError(c, 40053, "invalid action info");

  const db = c.get("db");
  const appId = c.get("appId");
  const permanent = action.startsWith("QR_LIMIT");
  if (permanent) {
    // The same permanent scene gets the same ticket back and is counted once.
    const same = await existingPermanent(db, appId, action, checked.scene);
    if (same) return c.json({ ticket: same.ticket, url: same.url });
    if (!(await countPermanent(db, appId))) return wxError(c, 45029, "qrcode count out of limit");
  }

  const asked =
    typeof body.expire_seconds === "number"
      ? Math.floor(body.expire_seconds)
      : DEFAULT_EXPIRE_SECONDS;
  const expireSeconds = permanent ? null : Math.min(Math.max(asked, 1), MAX_EXPIRE_SECONDS);
  const { ticket, url } = newTicket();
  const now = Date.now();
  await db.insert(sandboxQrcodes).values({
    ticket,
    appId,
    actionName: action,
    scene: checked.scene,
    permanent,
    url,
    expireSeconds,
    expiresAt: expireSeconds === null ? null : now + expireSeconds * 1000,
    createdAt: now,
  });
  return c.json(
    expireSeconds === null ? { ticket, url } : { ticket, expire_seconds: expireSeconds, url },
  );
}

/** The newest code of the AppID with this scene, for a scan simulation's Ticket. */
export async function findQrCodeByScene(db: Db, appId: string, scene: string) {
  const [row] = await db
    .select()
    .from(sandboxQrcodes)
    .where(and(eq(sandboxQrcodes.appId, appId), eq(sandboxQrcodes.scene, scene)))
    .orderBy(sql`${sandboxQrcodes.createdAt} desc`)
    .limit(1);
  return row ?? null;
}
