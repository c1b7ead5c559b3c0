import { signToken, verifyToken } from "../crypto/signed-token";

const PURPOSE = "form";
/** A form link in a scan reply names the fan this long; after that the page falls back to OAuth. */
export const FORM_LINK_TTL_SECONDS = 7 * 24 * 3600;

export type FormLinkClaims = {
  formId: string;
  fanId: string;
  qrcodeId: string | null;
  accountId: string;
};

// Short keys keep the link short: it travels inside a WeChat news card or text.
type FormLinkPayload = {
  purpose: string;
  exp: number;
  f: string;
  fan: string;
  qr: string | null;
  acc: string;
};

export type FormTokenResult =
  | { ok: true; claims: FormLinkClaims }
  /** Authentic but past its time: the claims say which code sent it, not who may submit. */
  | { ok: false; reason: "expired"; claims: FormLinkClaims }
  | { ok: false; reason: "malformed" | "bad_signature" | "wrong_purpose" | "wrong_form" };

/** The token alone; `signFormLink` wraps it in the page URL. */
export async function signFormToken(
  signingKey: string,
  claims: FormLinkClaims,
  nowMs = Date.now(),
): Promise<string> {
  return signToken(signingKey, {
    purpose: PURPOSE,
    exp: Math.floor(nowMs / 1000) + FORM_LINK_TTL_SECONDS,
    f: claims.formId,
    fan: claims.fanId,
    qr: claims.qrcodeId,
    acc: claims.accountId,
  });
}

/**
 * The absolute link to a form that names one fan (wechat.md, "Learning a
 * visitor's openid": a signed, expiring token needs no OAuth round trip and
 * works in any account type). Sent in the scan reply of a code with a form.
 */
export async function signFormLink(
  env: Pick<Env, "SIGNING_KEY" | "PUBLIC_BASE_URL">,
  claims: FormLinkClaims,
  nowMs = Date.now(),
): Promise<string> {
  const token = await signFormToken(env.SIGNING_KEY, claims, nowMs);
  const base = env.PUBLIC_BASE_URL.replace(/\/+$/, "");
  return `${base}/f/${encodeURIComponent(claims.formId)}?t=${token}`;
}

/** Checks a `?t=` token for this form; a token minted for another form is refused. */
export async function verifyFormToken(
  signingKey: string,
  token: string,
  formId: string,
  nowMs = Date.now(),
): Promise<FormTokenResult> {
  const verified = await verifyToken<FormLinkPayload>(signingKey, token, PURPOSE, nowMs);
  if (!verified.ok && verified.reason !== "expired") return verified;
  const p = verified.payload;
  if (p.f !== formId || typeof p.fan !== "string" || typeof p.acc !== "string") {
    return { ok: false, reason: "wrong_form" };
  }
  const claims = { formId: p.f, fanId: p.fan, qrcodeId: p.qr ?? null, accountId: p.acc };
  return verified.ok ? { ok: true, claims } : { ok: false, reason: "expired", claims };
}
