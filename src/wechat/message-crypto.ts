import { base64ToBytes, bytesToBase64 } from "../lib/encoding";

/**
 * The message encryption of compatible and safe modes (wechat.md
 * "Encryption"): AES-256-CBC, key = base64(EncodingAESKey + "="), IV = the
 * first 16 bytes of the key, PKCS#7 padding to a 32-byte block, plaintext =
 * 16 random bytes, 4-byte big-endian length, the message, the AppID.
 *
 * WebCrypto's AES-CBC always pads to 16 bytes, so the raw cipher is reached
 * around it: on encrypt the extra block it appends is dropped (CBC blocks do
 * not depend on later ones), on decrypt one block is appended that decrypts
 * to a full 16-byte pad, which WebCrypto then strips.
 */
const PAD_BLOCK = 32;
const CBC_BLOCK = 16;
const ENCODING_AES_KEY = /^[A-Za-z0-9+/]{43}$/;

export type DecryptFailure =
  | "bad_key"
  | "bad_base64"
  | "bad_length"
  | "bad_padding"
  | "bad_layout"
  | "appid_mismatch";

export type DecryptResult =
  | { ok: true; xml: string; keyIndex: number }
  | { ok: false; reason: DecryptFailure };

type AesKey = { key: CryptoKey; iv: Uint8Array };

export function isEncodingAesKey(value: string): boolean {
  return ENCODING_AES_KEY.test(value);
}

async function importAesKey(encodingAesKey: string): Promise<AesKey | null> {
  if (!isEncodingAesKey(encodingAesKey)) return null;
  const raw = base64ToBytes(`${encodingAesKey}=`);
  if (raw.length !== 32) return null;
  const key = await crypto.subtle.importKey("raw", raw, "AES-CBC", false, ["encrypt", "decrypt"]);
  return { key, iv: raw.slice(0, CBC_BLOCK) };
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function pad32(data: Uint8Array): Uint8Array {
  const pad = PAD_BLOCK - (data.length % PAD_BLOCK);
  return concat(data, new Uint8Array(pad).fill(pad));
}

async function cbcEncryptRaw(k: AesKey, data: Uint8Array): Promise<Uint8Array> {
  const out = await crypto.subtle.encrypt({ name: "AES-CBC", iv: k.iv }, k.key, data);
  return new Uint8Array(out).slice(0, data.length);
}

async function cbcDecryptRaw(k: AesKey, data: Uint8Array): Promise<Uint8Array> {
  const last = data.slice(data.length - CBC_BLOCK);
  const fullPad = new Uint8Array(CBC_BLOCK).fill(CBC_BLOCK);
  const tail = await crypto.subtle.encrypt({ name: "AES-CBC", iv: last }, k.key, fullPad);
  const extended = concat(data, new Uint8Array(tail).slice(0, CBC_BLOCK));
  const plain = await crypto.subtle.decrypt({ name: "AES-CBC", iv: k.iv }, k.key, extended);
  return new Uint8Array(plain);
}

/** Encrypts a reply or a push; `random` is for tests that need a fixed output. */
export async function encryptMessage(
  xml: string,
  encodingAesKey: string,
  appId: string,
  random: Uint8Array = crypto.getRandomValues(new Uint8Array(16)),
): Promise<string> {
  const k = await importAesKey(encodingAesKey);
  if (!k) throw new Error("EncodingAESKey must be 43 base64 characters");
  const message = new TextEncoder().encode(xml);
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, message.length);
  const body = concat(random, length, message, new TextEncoder().encode(appId));
  return bytesToBase64(await cbcEncryptRaw(k, pad32(body)));
}

function unpad32(plain: Uint8Array): Uint8Array | null {
  const pad = plain[plain.length - 1] ?? 0;
  if (pad < 1 || pad > PAD_BLOCK || pad > plain.length) return null;
  for (let i = plain.length - pad; i < plain.length; i++) if (plain[i] !== pad) return null;
  return plain.subarray(0, plain.length - pad);
}

function decodeBase64(text: string): Uint8Array | null {
  try {
    return base64ToBytes(text.trim());
  } catch {
    return null;
  }
}

async function decryptWithKey(
  encrypt: string,
  encodingAesKey: string,
  appId: string,
): Promise<{ ok: true; xml: string } | { ok: false; reason: DecryptFailure }> {
  const k = await importAesKey(encodingAesKey);
  if (!k) return { ok: false, reason: "bad_key" };
  const data = decodeBase64(encrypt);
  if (!data) return { ok: false, reason: "bad_base64" };
  // A 32-byte padder always yields whole 32-byte blocks; anything else was padded to 16.
  if (data.length === 0 || data.length % PAD_BLOCK !== 0)
    return { ok: false, reason: "bad_length" };

  const body = unpad32(await cbcDecryptRaw(k, data));
  if (!body || body.length < 20) return { ok: false, reason: body ? "bad_layout" : "bad_padding" };
  const length = new DataView(body.buffer, body.byteOffset + 16, 4).getUint32(0);
  if (20 + length > body.length) return { ok: false, reason: "bad_layout" };

  let xml: string;
  try {
    xml = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(
      body.subarray(20, 20 + length),
    );
  } catch {
    return { ok: false, reason: "bad_layout" };
  }
  const trailingAppId = new TextDecoder().decode(body.subarray(20 + length));
  if (trailingAppId !== appId) return { ok: false, reason: "appid_mismatch" };
  return { ok: true, xml };
}

/**
 * Decrypts with each key in turn (current first, then the previous one kept
 * after a key change, wechat.md "Key rotation"). The failure reported is the
 * current key's.
 */
export async function decryptMessage(
  encrypt: string,
  encodingAesKeys: string[],
  appId: string,
): Promise<DecryptResult> {
  let firstFailure: DecryptFailure = "bad_key";
  for (const [keyIndex, key] of encodingAesKeys.entries()) {
    const result = await decryptWithKey(encrypt, key, appId);
    if (result.ok) return { ok: true, xml: result.xml, keyIndex };
    if (keyIndex === 0) firstFailure = result.reason;
  }
  return { ok: false, reason: firstFailure };
}
