import { z } from "zod";
import type { WechatResult } from "../errors";
import { callWithToken, readAs, type WechatContext } from "./context";

const answerSchema = z.object({ ip_list: z.array(z.string()) });

/** `/cgi-bin/getcallbackip`: the addresses WeChat's pushes come from; also a cheap credentials check. */
export async function getCallbackIps(ctx: WechatContext): Promise<WechatResult<string[]>> {
  const answer = await callWithToken(ctx, { method: "GET", path: "/cgi-bin/getcallbackip" });
  return readAs(answer, answerSchema, (a) => a.ip_list);
}
