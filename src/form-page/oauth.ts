import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { fans } from "../db/schema";
import type { AccountRow } from "../http/types";
import { base64UrlEncode, timingSafeEqual } from "../lib/encoding";
import { newId } from "../lib/ids";
import { getWechatClient } from "../wechat/client";

/** How long the round trip to WeChat's authorize page may take. */
const STATE_TTL_SECONDS = 600;

async function stateMac(signingKey: string, formId: string, exp: string, qrcodeId: string) {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(signingKey),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const data = new TextEncoder().encode(`form-oauth:${formId}:${exp}:${qrcodeId}`);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, data));
  return base64UrlEncode(mac.subarray(0, 16));
}

/** Code ids are `qr_` and base36: safe inside the dot-separated state. */
const QRCODE_ID_PATTERN = /^qr_[0-9a-z]{1,32}$/;

/**
 * The OAuth `state`: an expiry, the code that sent the visitor (empty when
 * none is known), and a truncated MAC binding both to the form. WeChat
 * carries it through its own redirect and allows 128 bytes; this stays
 * under 60. It proves the callback belongs to a redirect this Worker made,
 * so the code it names can be trusted for attribution.
 */
export async function signOAuthState(
  signingKey: string,
  formId: string,
  qrcodeId: string | null,
  nowMs = Date.now(),
) {
  const exp = (Math.floor(nowMs / 1000) + STATE_TTL_SECONDS).toString(36);
  const qr = qrcodeId && QRCODE_ID_PATTERN.test(qrcodeId) ? qrcodeId : "";
  return `${exp}.${qr}.${await stateMac(signingKey, formId, exp, qr)}`;
}

export type OAuthStateResult = { ok: true; qrcodeId: string | null } | { ok: false };

export async function verifyOAuthState(
  signingKey: string,
  formId: string,
  state: string,
  nowMs = Date.now(),
): Promise<OAuthStateResult> {
  const [exp, qr, mac, extra] = state.split(".");
  if (!exp || qr === undefined || !mac || extra !== undefined) return { ok: false };
  if (!/^[0-9a-z]{1,10}$/.test(exp) || (qr !== "" && !QRCODE_ID_PATTERN.test(qr))) {
    return { ok: false };
  }
  if (!timingSafeEqual(mac, await stateMac(signingKey, formId, exp, qr))) return { ok: false };
  if (Number.parseInt(exp, 36) * 1000 < nowMs) return { ok: false };
  return { ok: true, qrcodeId: qr || null };
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
  qrcodeId: string | null,
): Promise<string> {
  const state = await signOAuthState(env.SIGNING_KEY, formId, qrcodeId);
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
