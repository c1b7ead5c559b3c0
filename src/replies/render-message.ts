import { signFormLink } from "../forms/form-link";
import type { NewsArticle } from "../wechat/types";
import type { ReplyMessage } from "./schemas";

/**
 * A reply message resolved for one fan: links signed, link-like messages
 * turned into a news card or a text. Media ids are still the product's own;
 * the passive and customer-service builders turn them into WeChat's.
 */
export type RenderedMessage =
  | { kind: "text"; content: string }
  | { kind: "news"; article: NewsArticle }
  | { kind: "image" | "voice"; mediaId: string }
  | { kind: "video"; mediaId: string; title?: string | undefined; description?: string | undefined }
  | { kind: "miniprogram"; appid: string; pagepath: string; title: string; thumbMediaId: string }
  | { kind: "menu"; head: string; options: { id: string; content: string }[]; tail: string };

export type RenderContext = {
  env: Pick<Env, "SIGNING_KEY" | "PUBLIC_BASE_URL">;
  accountId: string;
  qrcodeId: string;
  formId: string | null;
  fanId: string;
};

export type RenderResult = { ok: true; value: RenderedMessage } | { ok: false; reason: string };

// A title inside `<a>` must not close the tag early.
const linkText = (s: string) => s.replace(/[<>"]/g, "");

function linkMessage(
  m: { title: string; description: string; coverUrl?: string | undefined; style: "news" | "text" },
  url: string,
): RenderedMessage {
  if (m.style === "news") {
    return {
      kind: "news",
      article: { title: m.title, description: m.description, url, picUrl: m.coverUrl ?? "" },
    };
  }
  const anchor = `<a href="${url}">${linkText(m.title)}</a>`;
  return { kind: "text", content: m.description ? `${m.description}\n${anchor}` : anchor };
}

export async function renderMessage(
  message: ReplyMessage,
  ctx: RenderContext,
): Promise<RenderResult> {
  switch (message.type) {
    case "text":
      return { ok: true, value: { kind: "text", content: message.content } };
    case "news":
      return { ok: true, value: linkMessage({ ...message, style: "news" }, message.url) };
    case "link":
      return { ok: true, value: linkMessage(message, message.url) };
    case "form": {
      if (!ctx.formId) {
        return {
          ok: false,
          reason: "The code has a form message but no form; choose a form in the code's settings.",
        };
      }
      const url = await signFormLink(ctx.env, {
        formId: ctx.formId,
        fanId: ctx.fanId,
        qrcodeId: ctx.qrcodeId,
        accountId: ctx.accountId,
      });
      return { ok: true, value: linkMessage(message, url) };
    }
    case "image":
    case "voice":
      return { ok: true, value: { kind: message.type, mediaId: message.mediaId } };
    case "video":
      return { ok: true, value: { kind: "video", ...message } };
    case "miniprogram":
      return { ok: true, value: { kind: "miniprogram", ...message } };
    case "menu":
      return { ok: true, value: { kind: "menu", ...message } };
  }
}
