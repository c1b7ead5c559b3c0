import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, primaryId, timestamp } from "./columns";

export const API_TOKEN_SCOPES = ["read", "write"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: primaryId(),
    userId: text("user_id").notNull(),
    name: text("name").notNull(),
    /** SHA-256 of the token, hex. The token is shown once, at creation. */
    tokenHash: text("token_hash").notNull(),
    /** The first characters of the token, to recognise it in a list. */
    prefix: text("prefix").notNull(),
    scope: text("scope", { enum: API_TOKEN_SCOPES }).notNull().default("write"),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at"),
    expiresAt: timestamp("expires_at"),
    revokedAt: timestamp("revoked_at"),
  },
  (t) => [
    uniqueIndex("api_tokens_hash_uq").on(t.tokenHash),
    index("api_tokens_user_idx").on(t.userId),
  ],
);
