import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, timestamp } from "./columns";

/**
 * Deliveries already handled, keyed as wechat.md says (FromUserName +
 * CreateTime + Event + EventKey, or MsgId). A retry gets the stored answer.
 */
export const webhookEvents = sqliteTable(
  "webhook_events",
  {
    dedupeKey: text("dedupe_key").primaryKey(),
    accountId: text("account_id").notNull(),
    /** The plaintext reply XML (before encryption), or "" for `success`. */
    replyXml: text("reply_xml").notNull().default(""),
    /** Null while the first delivery is being handled; a retry then waits for it. */
    handledAt: timestamp("handled_at"),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_events_created_idx").on(t.createdAt)],
);
