import { bytesToHex, timingSafeEqual } from "../lib/encoding";

/**
 * WeChat's signatures (wechat.md "Webhook" and "Encryption"): sha1 of the
 * concatenation of the parts sorted as strings. Every part is ASCII, so
 * JavaScript's code-unit sort is the byte order WeChat uses.
 */
export async function sortedSha1(parts: string[]): Promise<string> {
  const joined = [...parts].sort().join("");
  const digest = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(joined));
  return bytesToHex(new Uint8Array(digest));
}

/** `signature` of the URL check and of every POST: sha1 over [Token, timestamp, nonce]. */
export function webhookSignature(token: string, timestamp: string, nonce: string) {
  return sortedSha1([token, timestamp, nonce]);
}

/** `msg_signature` of compatible and safe mode: the same over [Token, timestamp, nonce, Encrypt]. */
export function messageSignature(token: string, timestamp: string, nonce: string, encrypt: string) {
  return sortedSha1([token, timestamp, nonce, encrypt]);
}

export async function verifyWebhookSignature(
  token: string,
  query: { signature?: string; timestamp?: string; nonce?: string },
): Promise<boolean> {
  const { signature, timestamp, nonce } = query;
  if (!signature || !timestamp || !nonce) return false;
  const expected = await webhookSignature(token, timestamp, nonce);
  return timingSafeEqual(expected, signature.toLowerCase());
}

export async function verifyMessageSignature(
  token: string,
  query: { msgSignature?: string; timestamp?: string; nonce?: string },
  encrypt: string,
): Promise<boolean> {
  const { msgSignature, timestamp, nonce } = query;
  if (!msgSignature || !timestamp || !nonce) return false;
  const expected = await messageSignature(token, timestamp, nonce, encrypt);
  return timingSafeEqual(expected, msgSignature.toLowerCase());
}
