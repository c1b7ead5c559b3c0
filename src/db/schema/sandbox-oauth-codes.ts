import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, timestamp } from "./columns";

/** OAuth codes the sandbox's authorize page issued: single-use, 5 minutes. */
export const sandboxOauthCodes = sqliteTable("sandbox_oauth_codes", {
  code: text("code").primaryKey(),
  appId: text("app_id").notNull(),
  openid: text("openid").notNull(),
  expiresAt: timestamp("expires_at").notNull(),
  usedAt: timestamp("used_at"),
  createdAt: createdAt(),
});
