import type { MessageMode } from "../db/schema";
import { randomNonce } from "../wechat/envelope";
import { encryptMessage } from "../wechat/message-crypto";
import { messageSignature, webhookSignature } from "../wechat/signature";
import { renderXml, type XmlEntry } from "../wechat/xml-write";

/**
 * A push as WeChat sends it (wechat.md "Webhook" and "Encryption"): the
 * query carries signature, timestamp, nonce and openid; compatible mode
 * adds `<Encrypt>` beside the plain fields, safe mode sends only
 * ToUserName and Encrypt; both add encrypt_type=aes and msg_signature.
 */
export type PushKeys = {
  mode: MessageMode;
  token: string;
  encodingAesKey: string | null;
  appId: string;
};
export type Push = { query: URLSearchParams; body: string };

export async function buildPush(fields: XmlEntry[], openid: string, keys: PushKeys): Promise<Push> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomNonce();
  const query = new URLSearchParams({
    signature: await webhookSignature(keys.token, timestamp, nonce),
    timestamp,
    nonce,
    openid,
  });
  if (keys.mode === "plaintext" || !keys.encodingAesKey) return { query, body: renderXml(fields) };

  const encrypt = await encryptMessage(renderXml(fields), keys.encodingAesKey, keys.appId);
  query.set("encrypt_type", "aes");
  query.set("msg_signature", await messageSignature(keys.token, timestamp, nonce, encrypt));
  const toUser = fields.find(([name]) => name === "ToUserName")?.[1] ?? "";
  const body =
    keys.mode === "compatible"
      ? renderXml([...fields, ["Encrypt", encrypt]])
      : renderXml([
          ["ToUserName", toUser],
          ["Encrypt", encrypt],
        ]);
  return { query, body };
}
