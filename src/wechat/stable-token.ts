import { z } from "zod";
import { transportError, type WechatResult } from "./errors";
import { callWechat, type WechatEndpoint } from "./http";

const stableTokenSchema = z.object({
  access_token: z.string().min(1).max(512),
  expires_in: z.number().int().positive(),
});

export type StableToken = { accessToken: string; expiresIn: number };

/**
 * `POST /cgi-bin/stable_token` (wechat.md "Access token"): JSON body only;
 * repeated calls return the same token while it is valid. force_refresh is
 * limited to 20 a day and is used only when a token is known bad.
 */
export async function requestStableToken(
  endpoint: WechatEndpoint,
  credentials: { appId: string; appSecret: string; forceRefresh: boolean },
): Promise<WechatResult<StableToken>> {
  const answer = await callWechat(endpoint, {
    method: "POST",
    path: "/cgi-bin/stable_token",
    json: {
      grant_type: "client_credential",
      appid: credentials.appId,
      secret: credentials.appSecret,
      force_refresh: credentials.forceRefresh,
    },
  });
  if (!answer.ok) return answer;
  const parsed = stableTokenSchema.safeParse(answer.value);
  if (!parsed.success)
    return { ok: false, error: transportError("response", "stable_token answer malformed") };
  return {
    ok: true,
    value: { accessToken: parsed.data.access_token, expiresIn: parsed.data.expires_in },
  };
}
