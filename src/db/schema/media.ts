import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, primaryId, timestamp } from "./columns";

/** A file uploaded in the console for replies; kept in R2, sent to WeChat as media. */
export const media = sqliteTable(
  "media",
  {
    id: primaryId(),
    accountId: text("account_id").notNull(),
    kind: text("kind", { enum: ["image", "voice", "video", "thumb"] }).notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    r2Key: text("r2_key").notNull(),
    wechatMediaId: text("wechat_media_id"),
    /** Temporary media live 3 days on WeChat; renewed when expired. */
    wechatMediaExpiresAt: timestamp("wechat_media_expires_at"),
    createdAt: createdAt(),
  },
  (t) => [index("media_account_idx").on(t.accountId)],
);
