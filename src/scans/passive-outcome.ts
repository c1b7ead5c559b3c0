import type { AccountRow } from "../http/types";
import type { PlannedMessage } from "../replies/plan-reply";
import { renderMessage } from "../replies/render-message";
import { buildPassiveReply } from "../replies/wechat-messages";
import type { PassiveReply } from "../wechat/types";
import type { ScannedCode } from "./find-code";

/**
 * A media file not yet on WeChat must be uploaded before it can be the
 * passive reply; the webhook has 5 seconds in all, so the upload gets this
 * long. Past it, the message goes by customer-service instead.
 */
export const PASSIVE_MEDIA_BUDGET_MS = 2000;

export type PassiveOutcome =
  | { kind: "reply"; reply: PassiveReply }
  | { kind: "failed"; errcode: number | null; reason: string }
  | { kind: "moved_to_custom"; planned: PlannedMessage };

export async function preparePassiveReply(
  env: Env,
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
  const built = await buildPassiveReply(env, account, rendered.value, {
    timeoutMs: PASSIVE_MEDIA_BUDGET_MS,
  });
  if (built.ok) return { kind: "reply", reply: built.value };
  if (built.retryable)
    return { kind: "moved_to_custom", planned: { ...planned, channel: "custom" } };
  return { kind: "failed", errcode: built.errcode, reason: built.reason };
}
