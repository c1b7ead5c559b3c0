import type { AccountRow } from "../http/types";
import type { PassiveReply, WechatEvent } from "../wechat/types";

/**
 * The one function the webhook hands every verified event to. It records
 * what happened and returns the passive reply to send, or null for
 * `success`. Slow follow-up work (tags, further replies) must go to
 * `ctx.waitUntil` or the queue: WeChat gives the webhook 5 seconds.
 */
export async function handleWechatEvent(
  _env: Env,
  _ctx: ExecutionContext,
  _account: AccountRow,
  _event: WechatEvent,
): Promise<PassiveReply | null> {
  // TODO(#5): record scans, fans and aggregates and pick the code's reply; the scans issue owns this.
  return null;
}
