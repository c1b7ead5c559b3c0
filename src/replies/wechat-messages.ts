import type { AccountRow } from "../http/types";
import { type EnsureMediaOptions, ensureWechatMedia } from "../media/ensure-wechat-media";
import type { CustomMessage, PassiveReply } from "../wechat/types";
import type { RenderedMessage } from "./render-message";

/** A message ready for WeChat, or why it cannot be sent (errcode when WeChat said so). */
export type Built<T> =
  | { ok: true; value: T }
  | { ok: false; errcode: number | null; reason: string; retryable: boolean };

type MediaOptions = Pick<EnsureMediaOptions, "force" | "timeoutMs">;

async function withMedia<T>(
  env: Env,
  account: AccountRow,
  mediaId: string,
  options: MediaOptions,
  build: (wechatMediaId: string) => T,
): Promise<Built<T>> {
  const media = await ensureWechatMedia(env, account, mediaId, options);
  return media.ok ? { ok: true, value: build(media.wechatMediaId) } : media;
}

const notPassive = (kind: string): Built<never> => ({
  ok: false,
  errcode: null,
  reason: `A ${kind} message cannot be a passive reply.`,
  retryable: false,
});

/** The passive reply (in the webhook answer) for a message whose type allows one. */
export async function buildPassiveReply(
  env: Env,
  account: AccountRow,
  m: RenderedMessage,
  options: MediaOptions = {},
): Promise<Built<PassiveReply>> {
  switch (m.kind) {
    case "text":
      return { ok: true, value: { type: "text", content: m.content } };
    case "news":
      return { ok: true, value: { type: "news", article: m.article } };
    case "image":
    case "voice":
      return withMedia(env, account, m.mediaId, options, (id) => ({ type: m.kind, mediaId: id }));
    case "video":
      return withMedia(env, account, m.mediaId, options, (id) => ({
        type: "video",
        mediaId: id,
        ...(m.title ? { title: m.title } : {}),
        ...(m.description ? { description: m.description } : {}),
      }));
    case "miniprogram":
    case "menu":
      return notPassive(m.kind);
  }
}

/** The customer-service message (wechat.md "Replies": custom/send JSON) for any message. */
export async function buildCustomMessage(
  env: Env,
  account: AccountRow,
  m: RenderedMessage,
  options: MediaOptions = {},
): Promise<Built<CustomMessage>> {
  switch (m.kind) {
    case "text":
      return { ok: true, value: { msgtype: "text", text: { content: m.content } } };
    case "news": {
      const a = m.article;
      const article = { title: a.title, description: a.description, url: a.url, picurl: a.picUrl };
      return { ok: true, value: { msgtype: "news", news: { articles: [article] } } };
    }
    case "image":
      return withMedia(env, account, m.mediaId, options, (id) => ({
        msgtype: "image",
        image: { media_id: id },
      }));
    case "voice":
      return withMedia(env, account, m.mediaId, options, (id) => ({
        msgtype: "voice",
        voice: { media_id: id },
      }));
    case "video":
      return withMedia(env, account, m.mediaId, options, (id) => ({
        msgtype: "video",
        video: {
          media_id: id,
          ...(m.title ? { title: m.title } : {}),
          ...(m.description ? { description: m.description } : {}),
        },
      }));
    case "miniprogram":
      return withMedia(env, account, m.thumbMediaId, options, (id) => ({
        msgtype: "miniprogrampage",
        miniprogrampage: {
          title: m.title,
          appid: m.appid,
          pagepath: m.pagepath,
          thumb_media_id: id,
        },
      }));
    case "menu":
      return {
        ok: true,
        value: {
          msgtype: "msgmenu",
          msgmenu: { head_content: m.head, list: m.options, tail_content: m.tail },
        },
      };
  }
}
