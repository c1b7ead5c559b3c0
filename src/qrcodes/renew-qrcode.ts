import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { qrcodes } from "../db/schema";
import type { AccountRow } from "../http/types";
import { log } from "../lib/log";
import type { WechatError } from "../wechat/errors";
import { issueQrTicket } from "./issue-ticket";
import type { QrCodeRow } from "./present-qrcode";

/** How long a renewal may hold its lease; longer than a WeChat call's timeout. */
const RENEW_LEASE_MS = 30_000;

export type RenewQrCodeResult =
  | { ok: true; code: QrCodeRow }
  | { ok: false; reason: "bad_request" | "conflict"; message: string }
  | { ok: false; reason: "wechat"; error: WechatError };

/**
 * Gets a new ticket for the same scene, so the code keeps its statistics and
 * every scan of the new image still lands on it. A lease in the row keeps
 * concurrent renewals (cron, live image, the API) from all asking WeChat.
 */
export async function renewQrCode(
  env: Env,
  db: Db,
  account: AccountRow,
  code: QrCodeRow,
  now = Date.now(),
): Promise<RenewQrCodeResult> {
  if (code.kind !== "temporary") {
    return { ok: false, reason: "bad_request", message: "Permanent codes do not expire" };
  }
  if (!(await claimRenewLease(db, code.id, now))) {
    return {
      ok: false,
      reason: "conflict",
      message: "This code is being renewed; try again shortly",
    };
  }

  const issued = await issueQrTicket(env, account, {
    kind: "temporary",
    scene: code.scene,
    validityDays: code.validityDays,
    now,
  });
  if (!issued.ok) {
    await db.update(qrcodes).set({ renewLeaseUntil: null }).where(eq(qrcodes.id, code.id));
    log.warn("qrcode renew failed", { qrcodeId: code.id, errcode: issued.error.errcode });
    return { ok: false, reason: "wechat", error: issued.error };
  }

  const [row] = await db
    .update(qrcodes)
    .set({
      ticket: issued.value.ticket,
      url: issued.value.url,
      expiresAt: issued.value.expiresAt,
      actionName: issued.value.actionName,
      renewedAt: now,
      renewLeaseUntil: null,
      updatedAt: now,
    })
    .where(eq(qrcodes.id, code.id))
    .returning();
  if (!row) throw new Error("renewed qrcode vanished");
  return { ok: true, code: row };
}

async function claimRenewLease(db: Db, id: string, now: number): Promise<boolean> {
  const claimed = await db
    .update(qrcodes)
    .set({ renewLeaseUntil: now + RENEW_LEASE_MS })
    .where(
      and(
        eq(qrcodes.id, id),
        or(isNull(qrcodes.renewLeaseUntil), lt(qrcodes.renewLeaseUntil, now)),
      ),
    )
    .returning({ id: qrcodes.id });
  return claimed.length > 0;
}
