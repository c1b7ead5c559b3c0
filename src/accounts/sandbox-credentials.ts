import { bytesToHex } from "../lib/encoding";
import { randomToken } from "../lib/ids";

function randomHex(bytes: number): string {
  return bytesToHex(crypto.getRandomValues(new Uint8Array(bytes)));
}

const KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A random EncodingAESKey: 43 characters of base64 (without "+" and "/", as WeChat's admin makes them). */
export function randomEncodingAesKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(43));
  let key = "";
  for (const b of bytes) key += KEY_ALPHABET[b % KEY_ALPHABET.length];
  return key;
}

/**
 * Credentials for a sandbox account, shaped like real ones so every code path
 * (signatures, encryption, token fetch) runs the same against the stand-in.
 */
export function generateSandboxCredentials() {
  return {
    appId: `wx${randomHex(8)}`,
    appSecret: randomHex(16),
    originalId: `gh_${randomHex(6)}`,
    token: randomToken(32),
    encodingAesKey: randomEncodingAesKey(),
  };
}
