import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, primaryId, timestamp, updatedAt } from "./columns";

export const USER_ROLES = ["owner", "admin", "operator", "viewer"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const users = sqliteTable(
  "users",
  {
    id: primaryId(),
    email: text("email").notNull(),
    name: text("name").notNull().default(""),
    /** `pbkdf2-sha256$iterations$salt$hash`, base64 parts. */
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: USER_ROLES }).notNull(),
    status: text("status", { enum: ["active", "deactivated"] })
      .notNull()
      .default("active"),
    locale: text("locale").notNull().default("zh-CN"),
    lastLoginAt: timestamp("last_login_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_uq").on(t.email), index("users_status_idx").on(t.status)],
);
