import type { PassiveReply } from "./types";

/**
 * Writes WeChat XML. Strings go into CDATA, numbers stay plain text (as
 * CreateTime and TimeStamp must). A `]]>` inside a value is split across two
 * CDATA sections so it cannot close the section early, and characters XML
 * 1.0 forbids are dropped: either would make WeChat show the fan "this
 * account cannot provide service now".
 */
export type XmlValue = string | number | XmlEntry[];
export type XmlEntry = [name: string, value: XmlValue];

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters removed
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function cdata(text: string): string {
  const clean = text.replace(XML_FORBIDDEN, "");
  return `<![CDATA[${clean.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

function renderValue(value: XmlValue): string {
  if (typeof value === "number") return String(Math.trunc(value));
  if (typeof value === "string") return cdata(value);
  return value.map(([name, v]) => `<${name}>${renderValue(v)}</${name}>`).join("");
}

export function renderXml(entries: XmlEntry[]): string {
  return `<xml>${renderValue(entries)}</xml>`;
}

export type ReplyAddress = { toUser: string; fromUser: string; createTime: number };

function replyBody(reply: PassiveReply): XmlEntry[] {
  switch (reply.type) {
    case "text":
      return [["Content", reply.content]];
    case "image":
      return [["Image", [["MediaId", reply.mediaId]]]];
    case "voice":
      return [["Voice", [["MediaId", reply.mediaId]]]];
    case "video":
      return [
        [
          "Video",
          [
            ["MediaId", reply.mediaId],
            ["Title", reply.title ?? ""],
            ["Description", reply.description ?? ""],
          ],
        ],
      ];
    case "music": {
      const music: XmlEntry[] = [
        ["Title", reply.title ?? ""],
        ["Description", reply.description ?? ""],
        ["MusicUrl", reply.musicUrl],
        ["HQMusicUrl", reply.hqMusicUrl ?? reply.musicUrl],
      ];
      if (reply.thumbMediaId) music.push(["ThumbMediaId", reply.thumbMediaId]);
      return [["Music", music]];
    }
    case "news": {
      // wechat.md "Replies": send news with exactly one article.
      const a = reply.article;
      const item: XmlEntry[] = [
        ["Title", a.title],
        ["Description", a.description],
        ["PicUrl", a.picUrl],
        ["Url", a.url],
      ];
      return [
        ["ArticleCount", 1],
        ["Articles", [["item", item]]],
      ];
    }
  }
}

/** The plaintext passive reply: ToUserName is the fan, FromUserName the account's original id. */
export function renderPassiveReply(reply: PassiveReply, to: ReplyAddress): string {
  return renderXml([
    ["ToUserName", to.toUser],
    ["FromUserName", to.fromUser],
    ["CreateTime", to.createTime],
    ["MsgType", reply.type],
    ...replyBody(reply),
  ]);
}

/** The envelope of an encrypted reply; TimeStamp is written without CDATA (wechat.md). */
export function renderEncryptedEnvelope(e: {
  encrypt: string;
  msgSignature: string;
  timestamp: number;
  nonce: string;
}): string {
  return renderXml([
    ["Encrypt", e.encrypt],
    ["MsgSignature", e.msgSignature],
    ["TimeStamp", e.timestamp],
    ["Nonce", e.nonce],
  ]);
}
