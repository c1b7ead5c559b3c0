import { and, asc, eq } from "drizzle-orm";
import { getDb } from "../db/client";
import { replyDeliveries } from "../db/schema";
import type { AccountRow } from "../http/types";
import { getWechatClient } from "../wechat/client";
import {
  claimDelivery,
  type DeliveryRow,
  isClaimed,
  type Settled,
  settleDelivery,
  type Unsent,
} from "./delivery-claims";
import { type RenderContext, renderMessage } from "./render-message";
import { replyMessageSchema } from "./schemas";
import { buildCustomMessage } from "./wechat-messages";

/** After a scan WeChat accepts customer-service messages for 1 minute (wechat.md "Replies"). */
export const CUSTOM_WINDOW_MS = 60_000;
/**
 * custom/send answers within a second when WeChat is well; three messages
 * share a one-minute window, so one call may not hold it for 10 s.
 */
export const CUSTOM_SEND_TIMEOUT_MS = 5_000;

export const WINDOW_CLOSED_REASON =
  "Not sent: the customer-service window (1 minute after the scan) had closed.";
export const UNANSWERED_REASON =
  "WeChat did not answer in time. The message may have reached the fan, so it was not sent again.";
export const UNRECORDED_REASON =
  "WeChat's answer to this message was never recorded (the run was interrupted). It may have reached the fan, so it was not sent again.";

export type SendOutcome =
  | { retry: false }
  | { retry: true; reason: string; windowClosesAt: number };

/**
 * When to try a scan's messages again: after 2, 4, 8, 16 s... but never
 * later than just after the window closes, so a message retried to the
 * queue's limit still gets a last run that settles every row (as sent, or
 * failed because the window closed) instead of leaving it pending.
 */
export function customRetryDelaySeconds(
  attempts: number,
  windowClosesAt: number,
  now = Date.now(),
): number {
  const untilClosed = Math.ceil((windowClosesAt - now) / 1000) + 1;
  return Math.max(1, Math.min(2 ** Math.max(1, attempts), untilClosed));
}

export type CustomSendTarget = {
  scanId: number;
  occurredAt: number;
  openid: string;
  render: Omit<RenderContext, "env">;
};

/** `unanswered`: the call timed out, so WeChat may have taken the message. */
type SendResult = { status: "sent" } | { status: "unanswered" } | Unsent;
type Ready =
  | { kind: "ready"; send: () => Promise<SendResult> }
  | { kind: "unsent"; outcome: Unsent };

/**
 * Sends a scan's pending customer-service messages in order, each at most
 * once (src/replies/delivery-claims.ts). A busy WeChat (-1, 45011, network)
 * stops the run and asks for a retry, the rest keeping their order. A
 * timeout fails that message for good (WeChat may have taken it: it is not
 * sent twice) and holds the rest back until the retry. A message past the
 * window fails without counting an attempt; any other failure is logged on
 * its row and the next message is tried.
 */
export async function sendCustomDeliveries(
  env: Env,
  account: AccountRow,
  target: CustomSendTarget,
  now = () => Date.now(),
): Promise<SendOutcome> {
  const db = getDb(env.DB);
  const windowClosesAt = target.occurredAt + CUSTOM_WINDOW_MS;
  const rows = await db
    .select()
    .from(replyDeliveries)
    .where(and(eq(replyDeliveries.scanId, target.scanId), eq(replyDeliveries.status, "pending")))
    .orderBy(asc(replyDeliveries.position));

  for (const row of rows) {
    if (row.accountId !== account.id || row.channel !== "custom") continue;
    if (isClaimed(row)) {
      const unrecorded = { status: "failed", errcode: null, reason: UNRECORDED_REASON } as const;
      await settleDelivery(db, row, row.sentAt, unrecorded);
      continue;
    }
    if (now() > windowClosesAt) {
      const closed = { status: "failed", errcode: null, reason: WINDOW_CLOSED_REASON } as const;
      await settleDelivery(db, row, null, closed);
      continue;
    }

    const ready = await prepareSend(env, account, target, row);
    if (ready.kind === "unsent") {
      await settleDelivery(db, row, null, ready.outcome);
      if (ready.outcome.status === "pending")
        return { retry: true, reason: ready.outcome.reason, windowClosesAt };
      continue;
    }
    const at = now();
    // Another run holds this message: it sends the rest in order.
    if (!(await claimDelivery(db, row, at))) return { retry: false };
    const outcome = await ready.send();
    await settleDelivery(db, row, at, settled(outcome, at));
    // After a timeout the next message waits, or it could overtake this one on WeChat's side.
    if (outcome.status === "pending" || outcome.status === "unanswered") {
      const reason = outcome.status === "pending" ? outcome.reason : "WeChat did not answer";
      return { retry: true, reason, windowClosesAt };
    }
  }
  return { retry: false };
}

function settled(outcome: SendResult, at: number): Settled {
  if (outcome.status === "sent") return { status: "sent", at };
  if (outcome.status === "unanswered")
    return { status: "failed", errcode: null, reason: UNANSWERED_REASON };
  return outcome;
}

/** Renders the stored message and uploads its media, so the claim covers only the send. */
async function prepareSend(
  env: Env,
  account: AccountRow,
  target: CustomSendTarget,
  row: DeliveryRow,
): Promise<Ready> {
  const fail = (errcode: number | null, reason: string): Ready => ({
    kind: "unsent",
    outcome: { status: "failed", errcode, reason },
  });
  const parsed = replyMessageSchema.safeParse(row.message);
  if (!parsed.success) return fail(null, "The stored message is unreadable.");
  const rendered = await renderMessage(parsed.data, { env, ...target.render });
  if (!rendered.ok) return fail(null, rendered.reason);
  const built = await buildCustomMessage(env, account, rendered.value);
  if (!built.ok) {
    if (!built.retryable) return fail(built.errcode, built.reason);
    // A busy WeChat refused the media upload: nothing was sent, so try again later.
    return {
      kind: "unsent",
      outcome: { status: "pending", errcode: built.errcode, reason: built.reason },
    };
  }

  const client = getWechatClient(env, account, { timeoutMs: CUSTOM_SEND_TIMEOUT_MS });
  const send = async (): Promise<SendResult> => {
    let message = built.value;
    for (const force of [false, true]) {
      const sent = await client.sendCustomMessage(target.openid, message);
      if (sent.ok) return { status: "sent" };
      const { error } = sent;
      if (error.source === "timeout") return { status: "unanswered" };
      // 40007: the temporary media expired; upload it again and send once more.
      if (error.remedy === "reupload_media" && !force) {
        const again = await buildCustomMessage(env, account, rendered.value, { force: true });
        if (!again.ok) return { status: "failed", errcode: again.errcode, reason: again.reason };
        message = again.value;
        continue;
      }
      const status = error.retryable === "backoff" ? "pending" : "failed";
      return { status, errcode: error.errcode, reason: error.explanation };
    }
    return {
      status: "failed",
      errcode: 40007,
      reason: "The media expired again after a new upload.",
    };
  };
  return { kind: "ready", send };
}
