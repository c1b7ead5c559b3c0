import type { AccountRow } from "../http/types";
import type { PlannedMessage } from "../replies/plan-reply";
import { renderMessage } from "../replies/render-message";
import { buildPassiveReply } from "../replies/wechat-messages";
import type { PassiveReply } from "../wechat/types";
import type { ScannedCode } from "./find-code";

/**
 * A media file not yet on WeChat must be uploaded before it can be the
 * passive reply; the webhook has 5 seconds in all, so the upload gets this
 * long, the access token it may first need included. Past it, the message
 * goes by customer-service instead.
 */
export const PASSIVE_MEDIA_BUDGET_MS = 2000;

export type PassiveOutcome =
  | { kind: "reply"; reply: PassiveReply }
  | { kind: "failed"; errcode: number | null; reason: string }
  | { kind: "moved_to_custom"; planned: PlannedMessage };

export async function preparePassiveReply(
  env: Env,
  ctx: ExecutionContext,
  account: AccountRow,
  code: ScannedCode,
  fanId: string,
  planned: PlannedMessage,
): Promise<PassiveOutcome> {
  const rendered = await renderMessage(planned.message, {
    env,
    accountId: account.id,
    qrcodeId: code.id,
    formId: code.formId,
    fanId,
  });
  if (!rendered.ok) return { kind: "failed", errcode: null, reason: rendered.reason };
  const building = buildPassiveReply(env, account, rendered.value, {
    timeoutMs: PASSIVE_MEDIA_BUDGET_MS,
  });
  const built = await withinBudget(ctx, building);
  if (!built) return { kind: "moved_to_custom", planned: { ...planned, channel: "custom" } };
  if (built.ok) return { kind: "reply", reply: built.value };
  if (built.retryable)
    return { kind: "moved_to_custom", planned: { ...planned, channel: "custom" } };
  return { kind: "failed", errcode: built.errcode, reason: built.reason };
}

/**
 * The upload's own timeout does not cover the access token it may wait for
 * (a refresh has its own 10 s), so the whole step is raced with the budget.
 * A late upload still finishes under waitUntil and caches the media id.
 */
async function withinBudget<T>(ctx: ExecutionContext, work: Promise<T>): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), PASSIVE_MEDIA_BUDGET_MS);
  });
  const first = await Promise.race([work, late]);
  clearTimeout(timer);
  if (first === null) ctx.waitUntil(work.catch(() => undefined));
  return first;
}
