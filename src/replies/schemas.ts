import { z } from "@hono/zod-openapi";
import { DELIVERY_STATUSES } from "../db/schema";

/**
 * A code's reply: an ordered list of messages. The first goes back in the
 * webhook answer as the passive reply when its type allows (wechat.md,
 * "Replies": text, image, voice, video, music, news); everything else goes
 * through the customer-service API, of which WeChat allows only 3 within a
 * minute of a scan. Media ids here are the product's own (`med_...`, from
 * `POST /api/accounts/{accountId}/media`), turned into WeChat media ids when sent.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const webUrl = z
  .url({ protocol: /^https?$/ })
  .max(2048)
  .openapi({ example: "https://example.com/event" });
const mediaId = z
  .string()
  .regex(/^med_[a-z0-9]{16}$/, "Must be a media id from the media upload")
  .openapi({ example: "med_k3j9x0a1b2c3d4e5" });
/** How a link-like message is shown: as a news card or as a text with the link. */
const linkStyle = z.enum(["news", "text"]).default("news");

export const textMessageSchema = z.object({
  type: z.literal("text"),
  /** May contain `<a href="...">` links; WeChat renders them in text messages. */
  content: text(2000),
});

export const newsMessageSchema = z.object({
  type: z.literal("news"),
  title: text(64),
  description: z.string().max(120).default(""),
  url: webUrl,
  /** The cover as a public image URL; WeChat news takes a picture URL, not a media id. */
  coverUrl: webUrl.optional(),
});

export const imageMessageSchema = z.object({ type: z.literal("image"), mediaId });
export const voiceMessageSchema = z.object({ type: z.literal("voice"), mediaId });
export const videoMessageSchema = z.object({
  type: z.literal("video"),
  mediaId,
  title: z.string().max(64).optional(),
  description: z.string().max(120).optional(),
});

/** An external page, sent as a news card or a text with the link. */
export const linkMessageSchema = z.object({
  type: z.literal("link"),
  title: text(64),
  description: z.string().max(120).default(""),
  url: webUrl,
  coverUrl: webUrl.optional(),
  style: linkStyle,
});

/** A link to the code's form, signed for the fan who scanned (no OAuth round trip). */
export const formMessageSchema = z.object({
  type: z.literal("form"),
  title: text(64),
  description: z.string().max(120).default(""),
  coverUrl: webUrl.optional(),
  style: linkStyle,
});

export const miniProgramMessageSchema = z.object({
  type: z.literal("miniprogram"),
  appid: z.string().regex(/^wx[0-9a-f]{16}$/, "Must be a mini program AppID (wx + 16 hex)"),
  pagepath: text(256),
  title: text(64),
  thumbMediaId: mediaId,
});

export const menuMessageSchema = z.object({
  type: z.literal("menu"),
  head: z.string().max(200).default(""),
  options: z
    .array(z.object({ id: z.string().trim().min(1).max(32), content: text(64) }))
    .min(1)
    .max(10),
  tail: z.string().max(200).default(""),
});

export const replyMessageSchema = z
  .discriminatedUnion("type", [
    textMessageSchema,
    newsMessageSchema,
    imageMessageSchema,
    voiceMessageSchema,
    videoMessageSchema,
    linkMessageSchema,
    formMessageSchema,
    miniProgramMessageSchema,
    menuMessageSchema,
  ])
  .openapi("ReplyMessage");

export type ReplyMessage = z.infer<typeof replyMessageSchema>;
export type ReplyMessageType = ReplyMessage["type"];

/** Types WeChat accepts as the passive reply (after mapping link and form to news or text). */
const PASSIVE_TYPES: ReadonlySet<ReplyMessageType> = new Set([
  "text",
  "news",
  "image",
  "voice",
  "video",
  "link",
  "form",
]);

export function canBePassive(message: ReplyMessage): boolean {
  return PASSIVE_TYPES.has(message.type);
}

/** WeChat allows this many customer-service messages within a minute of a scan. */
export const CUSTOM_MESSAGES_AFTER_SCAN = 3;

/** How many messages of a reply go through the customer-service API. */
export function countCustomMessages(messages: readonly ReplyMessage[]): number {
  const [first] = messages;
  if (!first) return 0;
  return canBePassive(first) ? messages.length - 1 : messages.length;
}

/** None (an empty list) or up to 4 ordered messages whose customer-service part fits WeChat's 3. */
export const replySchema = z
  .array(replyMessageSchema)
  .superRefine((messages, ctx) => {
    const custom = countCustomMessages(messages);
    if (custom <= CUSTOM_MESSAGES_AFTER_SCAN) return;
    const first = messages[0];
    const why =
      first && !canBePassive(first)
        ? `The first message (${first.type}) cannot be the passive reply, so all ${messages.length} would go through the customer-service API`
        : `The first message is the passive reply and the other ${custom} would go through the customer-service API`;
    ctx.addIssue({
      code: "custom",
      message: `${why}; WeChat allows only ${CUSTOM_MESSAGES_AFTER_SCAN} customer-service messages within a minute of a scan. Remove a message.`,
    });
  })
  .openapi("Reply", {
    description:
      "Ordered messages a scanner receives; the first is the passive reply when its type allows, the rest (at most 3) go through the customer-service API",
  });

export type Reply = z.infer<typeof replySchema>;

/** One logged message of a code's reply to one fan. */
export const deliverySchema = z
  .object({
    id: z.string(),
    scanId: z.number().int().nullable(),
    fanId: z.string(),
    openid: z.string().nullable().openapi({ description: "Empty once the fan was erased" }),
    erased: z.boolean(),
    position: z.number().int().openapi({ description: "0 is the first message of the reply" }),
    messageType: z.string(),
    channel: z.enum(["passive", "custom"]),
    status: z.enum(DELIVERY_STATUSES).openapi({
      description:
        "sent (handed to WeChat; a passive reply rides in the webhook answer), failed, pending, skipped",
    }),
    errcode: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "WeChat's errcode when it refused" }),
    reason: z.string().nullable().openapi({
      description:
        "Why it failed, in plain words. A customer-service message whose send timed out or whose answer was never recorded fails with a reason saying it may have reached the fan: it is never sent twice",
    }),
    attempts: z.number().int().openapi({
      description:
        "Times it was handed to WeChat; a busy WeChat (-1, 45011) is retried within the minute after the scan, and a message past that minute fails without another attempt",
    }),
    createdAt: z.number(),
    sentAt: z
      .number()
      .nullable()
      .openapi({ description: "When WeChat accepted it; null unless sent" }),
  })
  .openapi("ReplyDelivery");
