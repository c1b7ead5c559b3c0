import { z } from "zod";
import { loadAccountSecrets } from "../account-secrets";
import { type WechatResult, wechatError } from "../errors";
import { callWechat } from "../http";
import { readAs, type WechatContext } from "./context";

/**
 * Learning a visitor's openid on a web page (wechat.md "Learning a
 * visitor's openid"): redirect to the authorize URL, then exchange the
 * single-use code (5 minutes) with the AppSecret. An openid marked
 * is_snapshotuser is a preview visitor: the caller must ignore it.
 */
export type OAuthIdentity = {
  openid: string;
  scope: string;
  isSnapshotUser: boolean;
  unionid: string | null;
};

const answerSchema = z.object({
  openid: z.string().min(1),
  scope: z.string().default("snsapi_base"),
  is_snapshotuser: z.number().int().optional(),
  unionid: z.string().optional(),
});

export async function exchangeOAuthCode(
  ctx: WechatContext,
  code: string,
): Promise<WechatResult<OAuthIdentity>> {
  const { appSecret } = await loadAccountSecrets(ctx.env, ctx.account);
  if (!appSecret) return { ok: false, error: wechatError(41004, "appsecret missing") };
  const answer = await callWechat(ctx.endpoint, {
    method: "GET",
    path: "/sns/oauth2/access_token",
    query: { appid: ctx.account.appId, secret: appSecret, code, grant_type: "authorization_code" },
  });
  return readAs(answer, answerSchema, (a) => ({
    openid: a.openid,
    scope: a.scope,
    isSnapshotUser: a.is_snapshotuser === 1,
    unionid: a.unionid ?? null,
  }));
}

/**
 * Where to send a visitor's browser. A sandbox account's visitors go to the
 * sandbox's stand-in page on this Worker (the origin of `redirectUri`),
 * which picks a sandbox fan and redirects back with a code.
 */
export function oauthAuthorizeUrl(
  ctx: Pick<WechatContext, "account">,
  options: { redirectUri: string; state: string; scope?: "snsapi_base" | "snsapi_userinfo" },
): string {
  const base = ctx.account.isSandbox
    ? `${new URL(options.redirectUri).origin}/sandbox/wechat/connect/oauth2/authorize`
    : "https://open.weixin.qq.com/connect/oauth2/authorize";
  const params = new URLSearchParams({
    appid: ctx.account.appId,
    redirect_uri: options.redirectUri,
    response_type: "code",
    scope: options.scope ?? "snsapi_base",
    state: options.state,
  });
  return `${base}?${params}#wechat_redirect`;
}
