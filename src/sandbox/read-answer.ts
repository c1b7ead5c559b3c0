import { openReply } from "../wechat/envelope";
import { parseWechatXml, type XmlFields } from "../wechat/xml-parse";
import type { DeliveryOutcome } from "./deliver-push";

/**
 * Reads the webhook's answer as WeChat would: `success` or an empty body
 * means nothing to say; a reply is opened when encrypted and must be
 * addressed to the fan from the account, or the fan would see "this
 * account cannot provide service now".
 */
export type WebhookAnswer =
  | { kind: "success" }
  | { kind: "reply"; msgType: string; xml: string; fields: XmlFields }
  | { kind: "invalid"; reason: string; body: string }
  | { kind: "http_error"; status: number; body: string }
  | { kind: "timeout" };

type ReplyKeys = { token: string; encodingAesKey: string | null; appId: string };

export async function readAnswer(
  outcome: DeliveryOutcome,
  keys: ReplyKeys,
  expected: { openid: string; originalId: string },
): Promise<WebhookAnswer> {
  if (!outcome.answered) return { kind: "timeout" };
  const { status, body } = outcome;
  if (status !== 200) return { kind: "http_error", status, body: body.slice(0, 2000) };
  if (body === "" || body === "success") return { kind: "success" };

  let xml = body;
  if (body.includes("<Encrypt>")) {
    if (!keys.encodingAesKey)
      return { kind: "invalid", reason: "encrypted reply without a key", body };
    const opened = await openReply(body, { ...keys, encodingAesKey: keys.encodingAesKey });
    if (!opened.ok) return { kind: "invalid", reason: opened.reason, body };
    xml = opened.xml;
  }
  const parsed = parseWechatXml(xml);
  if (!parsed.ok) return { kind: "invalid", reason: parsed.reason, body };
  const f = parsed.fields;
  if (f.ToUserName !== expected.openid)
    return { kind: "invalid", reason: "ToUserName is not the fan", body: xml };
  if (expected.originalId && f.FromUserName !== expected.originalId) {
    return { kind: "invalid", reason: "FromUserName is not the account", body: xml };
  }
  if (!f.MsgType || !/^\d+$/.test(f.CreateTime ?? ""))
    return { kind: "invalid", reason: "MsgType or CreateTime missing", body: xml };
  return { kind: "reply", msgType: f.MsgType, xml, fields: f };
}
