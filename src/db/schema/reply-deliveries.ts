import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, jsonText, primaryId, timestamp } from "./columns";

export const DELIVERY_STATUSES = ["pending", "sent", "failed", "skipped"] as const;

/** One message of a code's reply on its way to one fan. */
export const replyDeliveries = sqliteTable(
  "reply_deliveries",
  {
    id: primaryId(),
    accountId: text("account_id").notNull(),
    qrcodeId: text("qrcode_id").notNull(),
    fanId: text("fan_id").notNull(),
    scanId: integer("scan_id"),
    position: integer("position").notNull(),
    messageType: text("message_type").notNull(),
    /** The reply message as it was when the scan happened, so a later edit cannot change what is sent. */
    message: jsonText<Record<string, unknown>>("message"),
    /** `passive` rides in the webhook answer; `custom` goes through the CS API. */
    channel: text("channel", { enum: ["passive", "custom"] }).notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull(),
    errcode: integer("errcode"),
    errorMessage: text("error_message"),
    attempts: integer("attempts").notNull().default(0),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at"),
  },
  (t) => [
    index("reply_deliveries_code_idx").on(t.qrcodeId, t.createdAt),
    index("reply_deliveries_scan_idx").on(t.scanId),
  ],
);
