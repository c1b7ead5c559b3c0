import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { bool, createdAt, primaryId, timestamp, updatedAt } from "./columns";

export const MESSAGE_MODES = ["plaintext", "compatible", "safe"] as const;
export type MessageMode = (typeof MESSAGE_MODES)[number];

/**
 * One WeChat Official Account. The four secrets are stored encrypted
 * (see src/crypto/secret-box.ts); `*Enc` columns hold `keyId:iv:ciphertext`.
 */
export const accounts = sqliteTable(
  "accounts",
  {
    id: primaryId(),
    name: text("name").notNull(),
    appId: text("app_id").notNull(),
    originalId: text("original_id").notNull().default(""),
    messageMode: text("message_mode", { enum: MESSAGE_MODES }).notNull().default("safe"),
    timeZone: text("time_zone").notNull().default("Asia/Shanghai"),
    isSandbox: bool("is_sandbox").notNull().default(false),
    appSecretEnc: text("app_secret_enc"),
    tokenEnc: text("token_enc"),
    encodingAesKeyEnc: text("encoding_aes_key_enc"),
    /** Kept after a key change so deliveries sealed with the old key still open. */
    previousEncodingAesKeyEnc: text("previous_encoding_aes_key_enc"),
    /** Last scene number handed out; scenes are never reused. */
    sceneSeq: integer("scene_seq").notNull().default(0),
    /** Raw scans older than this many days are removed by the cron; 0 keeps them. */
    scanRetentionDays: integer("scan_retention_days").notNull().default(0),
    lastCheckAt: timestamp("last_check_at"),
    lastCheckOk: bool("last_check_ok"),
    lastCheckMessage: text("last_check_message"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp("deleted_at"),
  },
  (t) => [uniqueIndex("accounts_app_id_uq").on(t.appId)],
);
