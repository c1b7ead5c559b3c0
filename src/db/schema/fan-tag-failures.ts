import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, primaryId } from "./columns";

/** A fan tag the product could not apply to one fan, with WeChat's errcode and a plain reason. */
export const fanTagFailures = sqliteTable(
  "fan_tag_failures",
  {
    id: primaryId(),
    accountId: text("account_id").notNull(),
    fanId: text("fan_id").notNull(),
    qrcodeId: text("qrcode_id"),
    wechatTagId: integer("wechat_tag_id").notNull(),
    /** Null when the product refused before calling WeChat (e.g. the fan already has 20 tags). */
    errcode: integer("errcode"),
    reason: text("reason").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("fan_tag_failures_code_idx").on(t.qrcodeId, t.createdAt),
    index("fan_tag_failures_account_idx").on(t.accountId, t.createdAt),
  ],
);
