import type { WechatResult } from "../errors";
import type { CustomMessage } from "../types";
import { callWithToken, done, type WechatContext } from "./context";

/**
 * `POST /cgi-bin/message/custom/send` (wechat.md "Replies"). After a scan or
 * follow WeChat allows 3 messages within 1 minute (45047 past the quota,
 * 45015 when the window closed); 43004 when the fan no longer follows.
 */
export async function sendCustomMessage(
  ctx: WechatContext,
  openid: string,
  message: CustomMessage,
): Promise<WechatResult<true>> {
  return done(
    await callWithToken(ctx, {
      method: "POST",
      path: "/cgi-bin/message/custom/send",
      json: { touser: openid, ...message },
    }),
  );
}
