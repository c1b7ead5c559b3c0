import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { timestamp } from "./columns";

/** The account's WeChat tags, as last synced from /cgi-bin/tags/get. */
export const fanTags = sqliteTable(
  "fan_tags",
  {
    accountId: text("account_id").notNull(),
    wechatTagId: integer("wechat_tag_id").notNull(),
    name: text("name").notNull(),
    fanCount: integer("fan_count").notNull().default(0),
    syncedAt: timestamp("synced_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.wechatTagId] })],
);
