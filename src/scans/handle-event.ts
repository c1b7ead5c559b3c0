import type { AccountRow } from "../http/types";
import { log } from "../lib/log";
import { unfollowLiveMessage } from "../live/live-messages";
import { notifyLive } from "../live/notify-live";
import type { PassiveReply, WechatEvent } from "../wechat/types";
import { handleScan } from "./handle-scan";
import { recordPlainFollow, recordUnfollow } from "./record-event";

/**
 * The one function the webhook hands every verified event to. It records
 * what happened and returns the passive reply to send, or null for
 * `success`. Slow follow-up work (tags, further replies) goes to the queue:
 * WeChat gives the webhook 5 seconds.
 *
 * A subscribe with a scene and a SCAN are scans (wechat.md "Webhook": a
 * follower scanning gets only SCAN, a non-follower only subscribe); a
 * subscribe without a scene changes the fan only.
 */
export async function handleWechatEvent(
  env: Env,
  ctx: ExecutionContext,
  account: AccountRow,
  event: WechatEvent,
): Promise<PassiveReply | null> {
  const now = Date.now();
  switch (event.kind) {
    case "scan":
      return handleScan(env, ctx, account, { ...event, event: "SCAN" });
    case "subscribe":
      if (event.scene !== null) {
        return handleScan(env, ctx, account, { ...event, scene: event.scene, event: "subscribe" });
      }
      await recordPlainFollow(env.DB, {
        acc: account.id,
        openid: event.openid,
        at: event.createTime * 1000,
        now,
      });
      return null;
    case "unsubscribe": {
      const at = event.createTime * 1000;
      const { effects } = await recordUnfollow(env.DB, {
        acc: account.id,
        openid: event.openid,
        at,
        now,
      });
      notifyLive(
        env,
        ctx,
        account.id,
        effects.map((e) => unfollowLiveMessage(e.qrcodeId, at, e)),
      );
      log.info("unfollow recorded", { accountId: account.id, codes: effects.length });
      return null;
    }
    case "other":
      return null;
  }
}
