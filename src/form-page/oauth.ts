import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { fans } from "../db/schema";
import type { AccountRow } from "../http/types";
import { base64UrlEncode, timingSafeEqual } from "../lib/encoding";
import { newId } from "../lib/ids";
import { getWechatClient } from "../wechat/client";

/** How long the round trip to WeChat's authorize page may take. */
const STATE_TTL_SECONDS = 600;

async function stateMac(signingKey: string, formId: string, exp: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(signingKey),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const data = new TextEncoder().encode(`form-oauth:${formId}:${exp}`);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, data));
  return base64UrlEncode(mac.subarray(0, 16));
}

/**
 * The OAuth `state`: an expiry and a truncated MAC binding it to the form.
 * Kept short (about 30 characters) because WeChat carries it through its own
 * redirect; it proves the callback belongs to a redirect this Worker made.
 */
export async function signOAuthState(signingKey: string, formId: string, nowMs = Date.now()) {
  const exp = (Math.floor(nowMs / 1000) + STATE_TTL_SECONDS).toString(36);
  return `${exp}.${await stateMac(signingKey, formId, exp)}`;
}

export async function verifyOAuthState(
  signingKey: string,
  formId: string,
  state: string,
  nowMs = Date.now(),
): Promise<boolean> {
  const [exp, mac] = state.split(".");
  if (!exp || !mac || !/^[0-9a-z]{1,10}$/.test(exp)) return false;
  if (!timingSafeEqual(mac, await stateMac(signingKey, formId, exp))) return false;
  return Number.parseInt(exp, 36) * 1000 >= nowMs;
}

export function oauthCallbackUrl(
  env: Pick<Env, "PUBLIC_BASE_URL">,
  requestUrl: string,
  formId: string,
) {
  const base = env.PUBLIC_BASE_URL.replace(/\/+$/, "") || new URL(requestUrl).origin;
  return `${base}/f/${encodeURIComponent(formId)}/oauth`;
}

/**
 * Where to send a visitor who came without a fan token (wechat.md, "Learning
 * a visitor's openid": snsapi_base, no consent screen). A sandbox account's
 * visitors go to the sandbox's stand-in page instead; A's client decides.
 */
export async function authorizeRedirect(
  env: Env,
  account: AccountRow,
  formId: string,
  requestUrl: string,
): Promise<string> {
  const state = await signOAuthState(env.SIGNING_KEY, formId);
  return getWechatClient(env, account).oauthAuthorizeUrl({
    redirectUri: oauthCallbackUrl(env, requestUrl, formId),
    state,
    scope: "snsapi_base",
  });
}

export type OAuthFanResult =
  | { ok: true; fanId: string }
  | { ok: false; reason: "snapshot_user" | "exchange_failed" };

/**
 * Exchanges the single-use code for the visitor's openid and finds the fan,
 * adding one when the product has not seen this openid yet (its follow
 * state comes later, from events). A snapshot-mode visitor is not a fan.
 */
export async function fanFromOAuthCode(
  env: Env,
  db: Db,
  account: AccountRow,
  code: string,
): Promise<OAuthFanResult> {
  const exchanged = await getWechatClient(env, account).exchangeOAuthCode(code);
  if (!exchanged.ok) return { ok: false, reason: "exchange_failed" };
  if (exchanged.value.isSnapshotUser) return { ok: false, reason: "snapshot_user" };

  const openid = exchanged.value.openid;
  const now = Date.now();
  await db
    .insert(fans)
    .values({ id: newId("fan"), accountId: account.id, openid, createdAt: now, updatedAt: now })
    .onConflictDoNothing();
  const [fan] = await db
    .select({ id: fans.id })
    .from(fans)
    .where(and(eq(fans.accountId, account.id), eq(fans.openid, openid)))
    .limit(1);
  if (!fan) throw new Error("fan missing after insert");
  return { ok: true, fanId: fan.id };
}
