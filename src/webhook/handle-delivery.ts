import { getDb } from "../db/client";
import type { AccountRow } from "../http/types";
import { handleWechatEvent } from "../scans/handle-event";
import type { XmlFields } from "../wechat/xml-parse";
import { renderPassiveReply } from "../wechat/xml-write";
import { claimDelivery, completeDelivery, releaseDelivery, waitForAnswer } from "./dedupe";
import { dedupeKey, toWechatEvent } from "./to-event";

/**
 * Hands a verified push to the scans domain once, and returns the
 * plaintext reply XML to send, or "" for `success`. Ordinary messages and
 * events the product does not act on are answered at once, without a
 * database write.
 */
export type EventHandler = typeof handleWechatEvent;

export async function answerDelivery(
  env: Env,
  ctx: ExecutionContext,
  account: AccountRow,
  fields: XmlFields,
  handle: EventHandler = handleWechatEvent,
): Promise<string> {
  const event = toWechatEvent(fields);
  if (!event || event.kind === "other") return "";

  const db = getDb(env.DB);
  const key = dedupeKey(account.id, fields);
  const claim = await claimDelivery(db, account.id, key);
  if (claim.kind === "answered") return claim.replyXml;
  if (claim.kind === "in_flight") return (await waitForAnswer(db, key)) ?? "";

  let replyXml: string;
  try {
    const reply = await handle(env, ctx, account, event);
    const address = {
      toUser: event.openid,
      fromUser: fields.ToUserName || account.originalId,
      createTime: Math.floor(Date.now() / 1000),
    };
    replyXml = reply ? renderPassiveReply(reply, address) : "";
  } catch (err) {
    // The shared error handler logs it; WeChat's retry may then handle the push.
    await releaseDelivery(db, key);
    throw err;
  }
  await completeDelivery(db, key, replyXml);
  return replyXml;
}
