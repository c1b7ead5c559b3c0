import { base64UrlDecode, base64UrlEncode, timingSafeEqual } from "../lib/encoding";

/**
 * Compact HMAC-SHA256 tokens for download links and form links:
 * `<base64url(json payload)>.<base64url(mac)>`. The payload carries `exp`
 * (Unix seconds) and a `purpose` so a token for one use cannot serve another.
 */
export type SignedPayload = { purpose: string; exp: number } & Record<string, unknown>;

/**
 * An expired token still carries its authentic payload: its signature held, so
 * a caller may read what it named (never act on it as if it were current).
 */
export type VerifyResult<T> =
  | { ok: true; payload: T }
  | { ok: false; reason: "expired"; payload: T }
  | { ok: false; reason: "malformed" | "bad_signature" | "wrong_purpose" };

async function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
}

async function mac(secret: string, data: string): Promise<string> {
  const sig = await crypto.subtle.sign(
    "HMAC",
    await hmacKey(secret),
    new TextEncoder().encode(data),
  );
  return base64UrlEncode(new Uint8Array(sig));
}

export async function signToken(secret: string, payload: SignedPayload): Promise<string> {
  const body = base64UrlEncode(new TextEncoder().encode(JSON.stringify(payload)));
  return `${body}.${await mac(secret, body)}`;
}

export async function verifyToken<T extends SignedPayload>(
  secret: string,
  token: string,
  purpose: string,
  nowMs = Date.now(),
): Promise<VerifyResult<T>> {
  const [body, sig] = token.split(".");
  if (!body || !sig) return { ok: false, reason: "malformed" };
  if (!timingSafeEqual(sig, await mac(secret, body))) return { ok: false, reason: "bad_signature" };

  let payload: T;
  try {
    payload = JSON.parse(new TextDecoder().decode(base64UrlDecode(body))) as T;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (payload.purpose !== purpose) return { ok: false, reason: "wrong_purpose" };
  if (typeof payload.exp !== "number" || payload.exp * 1000 < nowMs) {
    return { ok: false, reason: "expired", payload };
  }
  return { ok: true, payload };
}
