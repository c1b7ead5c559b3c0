import type { AccountSecrets } from "../wechat/account-secrets";
import { decryptMessage } from "../wechat/message-crypto";
import { verifyMessageSignature, verifyWebhookSignature } from "../wechat/signature";
import { parseWechatXml, type XmlFields } from "../wechat/xml-parse";

/**
 * Checks and opens one push (wechat.md "Webhook" and "Encryption"):
 * `signature` in every mode; with `encrypt_type=aes` also `msg_signature`,
 * then AES with the current EncodingAESKey or the previous one, and the
 * AppID. The mode is read from the request, not from the account setting:
 * WeChat switches modes the moment the operator saves them in its admin,
 * before anyone updates this product.
 */
export type DeliveryQuery = {
  signature?: string;
  timestamp?: string;
  nonce?: string;
  encrypt_type?: string;
  msg_signature?: string;
};

export type VerifiedDelivery = {
  fields: XmlFields;
  /** The EncodingAESKey that opened it, to seal the reply with; null in plaintext. */
  encodingAesKey: string | null;
};

export type DeliveryRejection = { status: 400 | 401; reason: string };

export async function verifySignature(
  secrets: AccountSecrets,
  query: DeliveryQuery,
  maxSkewSeconds: number,
): Promise<DeliveryRejection | null> {
  if (!secrets.token || !(await verifyWebhookSignature(secrets.token, query))) {
    return { status: 401, reason: "signature does not match" };
  }
  const skew = Math.abs(Date.now() / 1000 - Number(query.timestamp));
  if (maxSkewSeconds > 0 && !(skew <= maxSkewSeconds))
    return { status: 401, reason: "timestamp outside the allowed window" };
  return null;
}

export async function openDelivery(
  secrets: AccountSecrets,
  appId: string,
  query: DeliveryQuery,
  body: string,
): Promise<VerifiedDelivery | DeliveryRejection> {
  const outer = parseWechatXml(body);
  if (!outer.ok) return { status: 400, reason: `body refused: ${outer.reason}` };
  if (query.encrypt_type !== "aes") return { fields: outer.fields, encodingAesKey: null };

  const encrypt = outer.fields.Encrypt;
  const token = secrets.token ?? "";
  if (!encrypt) return { status: 400, reason: "Encrypt missing" };
  const msg = { msgSignature: query.msg_signature, timestamp: query.timestamp, nonce: query.nonce };
  if (!(await verifyMessageSignature(token, msg, encrypt)))
    return { status: 401, reason: "msg_signature does not match" };

  const keys = [secrets.encodingAesKey, secrets.previousEncodingAesKey].filter(
    (k): k is string => !!k,
  );
  const opened = await decryptMessage(encrypt, keys, appId);
  if (!opened.ok) return { status: 401, reason: `message cannot be opened: ${opened.reason}` };
  const inner = parseWechatXml(opened.xml);
  if (!inner.ok) return { status: 400, reason: `message refused: ${inner.reason}` };
  return { fields: inner.fields, encodingAesKey: keys[opened.keyIndex] ?? null };
}
