import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { bool, createdAt, jsonText, primaryId, timestamp, updatedAt } from "./columns";

/** A WeChat user (openid) of one account, following or not. */
export const fans = sqliteTable(
  "fans",
  {
    id: primaryId(),
    accountId: text("account_id").notNull(),
    /** Personal data: never logged; blanked when the fan is erased. */
    openid: text("openid").notNull(),
    unionid: text("unionid"),
    following: bool("following").notNull().default(false),
    firstFollowedAt: timestamp("first_followed_at"),
    lastFollowedAt: timestamp("last_followed_at"),
    lastUnfollowedAt: timestamp("last_unfollowed_at"),
    followCount: integer("follow_count").notNull().default(0),
    unfollowCount: integer("unfollow_count").notNull().default(0),
    /** The code whose scan brought the fan's first follow seen by the product. */
    sourceQrcodeId: text("source_qrcode_id"),
    remark: text("remark").notNull().default(""),
    contactId: text("contact_id"),
    /** WeChat tag ids the product knows the fan has. */
    wechatTagIds: jsonText<number[]>("wechat_tag_ids").notNull().default([]),
    erasedAt: timestamp("erased_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("fans_account_openid_uq").on(t.accountId, t.openid),
    index("fans_contact_idx").on(t.contactId),
    index("fans_source_idx").on(t.sourceQrcodeId),
  ],
);
