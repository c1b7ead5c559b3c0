import type { WechatEvent } from "../wechat/types";
import type { XmlFields } from "../wechat/xml-parse";

/**
 * Reduces a push to the WechatEvent the product acts on (wechat.md
 * "Webhook"): subscribe carries `qrscene_` + scene when the follow came
 * from a parametric code, stripped once; SCAN carries the bare scene.
 * Null when the push lacks the fields every push has.
 */
const QR_PREFIX = "qrscene_";

export function toWechatEvent(fields: XmlFields): WechatEvent | null {
  const openid = fields.FromUserName;
  const createTime = Number(fields.CreateTime);
  const msgType = fields.MsgType ?? "";
  if (!openid || !Number.isInteger(createTime) || !msgType) return null;

  const event = msgType === "event" ? (fields.Event ?? "") : null;
  const key = fields.EventKey ?? "";
  const ticket = fields.Ticket || null;
  if (event === "subscribe") {
    const scene = key.startsWith(QR_PREFIX) ? key.slice(QR_PREFIX.length) : null;
    return {
      kind: "subscribe",
      openid,
      createTime,
      scene: scene || null,
      ticket: scene ? ticket : null,
    };
  }
  if (event === "SCAN" && key) return { kind: "scan", openid, createTime, scene: key, ticket };
  if (event === "unsubscribe") return { kind: "unsubscribe", openid, createTime };
  return { kind: "other", openid, createTime, msgType, event };
}

/**
 * wechat.md: events by FromUserName + CreateTime + Event + EventKey
 * (CreateTime has 1 s grain), messages by MsgId kept as a string.
 */
export function dedupeKey(accountId: string, fields: XmlFields): string {
  if (fields.MsgId) return `${accountId}:msg:${fields.MsgId}`;
  const parts = [fields.FromUserName, fields.CreateTime, fields.Event, fields.EventKey];
  return `${accountId}:evt:${parts.map((p) => p ?? "").join("|")}`;
}
