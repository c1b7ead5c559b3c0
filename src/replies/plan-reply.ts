import type { StoredReplyMessage } from "../db/schema";
import { log } from "../lib/log";
import { canBePassive, type ReplyMessage, replyMessageSchema } from "./schemas";

export type PlannedMessage = {
  position: number;
  message: ReplyMessage;
  /** `passive` rides in the webhook answer; `custom` goes through the customer-service API. */
  channel: "passive" | "custom";
};

/**
 * A stored reply as typed messages. Stored replies were validated on save;
 * a message that no longer parses (an older shape) is skipped and logged
 * rather than sent half-formed.
 */
export function readReply(stored: readonly StoredReplyMessage[], qrcodeId: string): ReplyMessage[] {
  const out: ReplyMessage[] = [];
  for (const [position, raw] of stored.entries()) {
    const parsed = replyMessageSchema.safeParse(raw);
    if (parsed.success) out.push(parsed.data);
    else log.warn("reply message unreadable", { qrcodeId, position });
  }
  return out;
}

/**
 * The first message is the passive reply when WeChat accepts its type as
 * one (wechat.md "Replies"); every other message goes through the
 * customer-service API, in order.
 */
export function planReply(messages: readonly ReplyMessage[]): PlannedMessage[] {
  return messages.map((message, position) => ({
    position,
    message,
    channel: position === 0 && canBePassive(message) ? "passive" : "custom",
  }));
}
