import type { ReplyMessage, ReplyMessageType } from "../../../api/types";

// The reply rules of src/replies/schemas.ts, mirrored here so the editor can
// explain them before the server refuses: the first message rides in the
// webhook answer when WeChat accepts its type as a passive reply; every other
// one is a customer-service message, and WeChat allows 3 of those within a
// minute of a scan (PRODUCT.md "reply").
export const CUSTOM_MESSAGES_AFTER_SCAN = 3;

const PASSIVE_TYPES: ReadonlySet<ReplyMessageType> = new Set([
  "text",
  "news",
  "image",
  "voice",
  "video",
  "link",
  "form",
]);

export const REPLY_TYPES: readonly ReplyMessageType[] = [
  "text",
  "news",
  "image",
  "voice",
  "video",
  "link",
  "form",
  "miniprogram",
  "menu",
];

export const canBePassive = (m: ReplyMessage) => PASSIVE_TYPES.has(m.type);

export function customMessageCount(messages: readonly ReplyMessage[]): number {
  const [first] = messages;
  if (!first) return 0;
  return canBePassive(first) ? messages.length - 1 : messages.length;
}

/** Whether message `index` goes out as the passive reply. */
export const isPassiveAt = (messages: readonly ReplyMessage[], index: number) =>
  index === 0 && messages[0] !== undefined && canBePassive(messages[0]);

/** How many messages the list may hold given its first message: 4, or 3 when the first cannot be passive. */
export function maxMessages(messages: readonly ReplyMessage[]): number {
  const [first] = messages;
  return first && !canBePassive(first)
    ? CUSTOM_MESSAGES_AFTER_SCAN
    : CUSTOM_MESSAGES_AFTER_SCAN + 1;
}

export const canAddMessage = (messages: readonly ReplyMessage[]) =>
  messages.length < maxMessages(messages);

export function newMessage(type: ReplyMessageType): ReplyMessage {
  switch (type) {
    case "text":
      return { type, content: "" };
    case "news":
      return { type, title: "", description: "", url: "" };
    case "image":
    case "voice":
      return { type, mediaId: "" };
    case "video":
      return { type, mediaId: "", title: "", description: "" };
    case "link":
      return { type, title: "", description: "", url: "", style: "news" };
    case "form":
      return { type, title: "", description: "", style: "news" };
    case "miniprogram":
      return { type, appid: "", pagepath: "", title: "", thumbMediaId: "" };
    case "menu":
      return { type, head: "", options: [{ id: "1", content: "" }], tail: "" };
  }
}

/** Optional fields left empty are left out, so the server's URL checks do not trip on "". */
export function cleanMessage(m: ReplyMessage): ReplyMessage {
  const entries = Object.entries(m).filter(
    ([key, value]) =>
      !(value === "" && (key === "coverUrl" || (key === "title" && m.type === "video"))),
  );
  return Object.fromEntries(entries) as ReplyMessage;
}
