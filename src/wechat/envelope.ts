import { decryptMessage, encryptMessage } from "./message-crypto";
import { messageSignature } from "./signature";
import { parseWechatXml } from "./xml-parse";
import { renderEncryptedEnvelope } from "./xml-write";

/**
 * Both directions of the encrypted envelope of compatible and safe modes.
 * The webhook seals its replies; the sandbox seals its pushes and opens the
 * webhook's replies, as WeChat would.
 */
export type EnvelopeKeys = { token: string; encodingAesKey: string; appId: string };

export async function sealReply(
  xml: string,
  keys: EnvelopeKeys,
  at: { timestamp?: number; nonce?: string } = {},
): Promise<string> {
  const timestamp = at.timestamp ?? Math.floor(Date.now() / 1000);
  const nonce = at.nonce ?? randomNonce();
  const encrypt = await encryptMessage(xml, keys.encodingAesKey, keys.appId);
  const msgSignature = await messageSignature(keys.token, String(timestamp), nonce, encrypt);
  return renderEncryptedEnvelope({ encrypt, msgSignature, timestamp, nonce });
}

export type OpenedReply = { ok: true; xml: string } | { ok: false; reason: string };

/** Opens an encrypted reply envelope: checks MsgSignature, then decrypts and checks the AppID. */
export async function openReply(envelope: string, keys: EnvelopeKeys): Promise<OpenedReply> {
  const parsed = parseWechatXml(envelope);
  if (!parsed.ok) return parsed;
  const { Encrypt, MsgSignature, TimeStamp, Nonce } = parsed.fields;
  if (!Encrypt || !MsgSignature || !TimeStamp || !Nonce)
    return { ok: false, reason: "envelope field missing" };
  const expected = await messageSignature(keys.token, TimeStamp, Nonce, Encrypt);
  if (expected !== MsgSignature) return { ok: false, reason: "MsgSignature mismatch" };
  const opened = await decryptMessage(Encrypt, [keys.encodingAesKey], keys.appId);
  return opened.ok ? { ok: true, xml: opened.xml } : { ok: false, reason: opened.reason };
}

/** WeChat's nonces are decimal digits; any unguessable string signs the same way. */
export function randomNonce(): string {
  return String(crypto.getRandomValues(new Uint32Array(1))[0] ?? 1);
}
