import { and, asc, eq, sql } from "drizzle-orm";
import { type Db, getDb } from "../db/client";
import { replyDeliveries } from "../db/schema";
import type { AccountRow } from "../http/types";
import { getWechatClient } from "../wechat/client";
import { type RenderContext, renderMessage } from "./render-message";
import { replyMessageSchema } from "./schemas";
import { type Built, buildCustomMessage } from "./wechat-messages";

/** After a scan WeChat accepts customer-service messages for 1 minute (wechat.md "Replies"). */
export const CUSTOM_WINDOW_MS = 60_000;

export type SendOutcome = { retry: false } | { retry: true; reason: string };

type DeliveryRow = typeof replyDeliveries.$inferSelect;
type Failure = { errcode: number | null; reason: string };

export type CustomSendTarget = {
  scanId: number;
  occurredAt: number;
  openid: string;
  render: Omit<RenderContext, "env">;
};

/**
 * Sends a scan's pending customer-service messages in order. A busy WeChat
 * stops the run and asks for a retry (the rest keep their order); any other
 * failure is logged on its row and the next message is tried.
 */
export async function sendCustomDeliveries(
  env: Env,
  account: AccountRow,
  target: CustomSendTarget,
  now = () => Date.now(),
): Promise<SendOutcome> {
  const db = getDb(env.DB);
  const rows = await db
    .select()
    .from(replyDeliveries)
    .where(and(eq(replyDeliveries.scanId, target.scanId), eq(replyDeliveries.status, "pending")))
    .orderBy(asc(replyDeliveries.position));

  for (const row of rows) {
    if (row.accountId !== account.id || row.channel !== "custom") continue;
    if (now() - target.occurredAt > CUSTOM_WINDOW_MS) {
      await markFailed(
        db,
        row,
        {
          errcode: null,
          reason: "Not sent: the customer-service window (1 minute after the scan) had closed.",
        },
        false,
      );
      continue;
    }
    const result = await sendOne(env, account, target, row);
    if (result.ok) await markSent(db, row, now());
    else if (result.retryable) {
      await db
        .update(replyDeliveries)
        .set({
          attempts: sql`${replyDeliveries.attempts} + 1`,
          errcode: result.errcode,
          errorMessage: result.reason,
        })
        .where(eq(replyDeliveries.id, row.id));
      return { retry: true, reason: result.reason };
    } else await markFailed(db, row, result);
  }
  return { retry: false };
}

async function sendOne(
  env: Env,
  account: AccountRow,
  target: CustomSendTarget,
  row: DeliveryRow,
): Promise<Built<true>> {
  const parsed = replyMessageSchema.safeParse(row.message);
  if (!parsed.success)
    return {
      ok: false,
      errcode: null,
      reason: "The stored message is unreadable.",
      retryable: false,
    };
  const rendered = await renderMessage(parsed.data, { env, ...target.render });
  if (!rendered.ok) return { ok: false, errcode: null, reason: rendered.reason, retryable: false };

  const client = getWechatClient(env, account);
  for (const force of [false, true]) {
    const built = await buildCustomMessage(env, account, rendered.value, { force });
    if (!built.ok) return built;
    const sent = await client.sendCustomMessage(target.openid, built.value);
    if (sent.ok) return { ok: true, value: true };
    // 40007: the temporary media expired; upload it again and retry once.
    if (sent.error.remedy === "reupload_media" && !force) continue;
    return {
      ok: false,
      errcode: sent.error.errcode,
      reason: sent.error.explanation,
      retryable: sent.error.retryable === "backoff",
    };
  }
  return {
    ok: false,
    errcode: 40007,
    reason: "The media expired again after a new upload.",
    retryable: false,
  };
}

async function markSent(db: Db, row: DeliveryRow, at: number) {
  await db
    .update(replyDeliveries)
    .set({
      status: "sent",
      sentAt: at,
      attempts: row.attempts + 1,
      errcode: null,
      errorMessage: null,
    })
    .where(eq(replyDeliveries.id, row.id));
}

async function markFailed(db: Db, row: DeliveryRow, failure: Failure, attempted = true) {
  await db
    .update(replyDeliveries)
    .set({
      status: "failed",
      attempts: row.attempts + (attempted ? 1 : 0),
      errcode: failure.errcode,
      errorMessage: failure.reason,
    })
    .where(eq(replyDeliveries.id, row.id));
}
