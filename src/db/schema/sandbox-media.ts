import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { bool, createdAt, timestamp } from "./columns";

/** Media uploaded to the WeChat sandbox; temporary ones expire after 3 days (40007 after). */
export const sandboxMedia = sqliteTable(
  "sandbox_media",
  {
    mediaId: text("media_id").primaryKey(),
    appId: text("app_id").notNull(),
    type: text("type").notNull(),
    size: integer("size").notNull(),
    permanent: bool("permanent").notNull(),
    expiresAt: timestamp("expires_at"),
    createdAt: createdAt(),
  },
  (t) => [index("sandbox_media_app_idx").on(t.appId)],
);
