import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { bool, createdAt, jsonText, primaryId, timestamp, updatedAt } from "./columns";

export const QR_KINDS = ["temporary", "permanent"] as const;
export type QrKind = (typeof QR_KINDS)[number];

/** A reply message as stored; its zod schema lives in src/replies/schemas.ts. */
export type StoredReplyMessage = { type: string } & Record<string, unknown>;

export const qrcodes = sqliteTable(
  "qrcodes",
  {
    id: primaryId(),
    accountId: text("account_id").notNull(),
    groupId: text("group_id"),
    name: text("name").notNull(),
    kind: text("kind", { enum: QR_KINDS }).notNull(),
    /** What WeChat hands back in EventKey; allocated by the product, never reused. */
    scene: text("scene").notNull(),
    actionName: text("action_name").notNull(),
    ticket: text("ticket"),
    url: text("url"),
    /** Temporary codes only: when the current ticket stops working. */
    expiresAt: timestamp("expires_at"),
    validityDays: integer("validity_days"),
    autoRenew: bool("auto_renew").notNull().default(false),
    status: text("status", { enum: ["active", "archived"] })
      .notNull()
      .default("active"),
    /** Unguessable token of the stable live image URL `/q/{liveToken}`. */
    liveToken: text("live_token").notNull(),
    fanTagIds: jsonText<number[]>("fan_tag_ids").notNull().default([]),
    memberTagIds: jsonText<string[]>("member_tag_ids").notNull().default([]),
    reply: jsonText<StoredReplyMessage[]>("reply").notNull().default([]),
    formId: text("form_id"),
    /** Client-supplied key that makes a retried creation return the same code. */
    idempotencyKey: text("idempotency_key"),
    createdBy: text("created_by"),
    renewedAt: timestamp("renewed_at"),
    /** A renewal in progress holds this lease so concurrent callers do not all ask WeChat. */
    renewLeaseUntil: timestamp("renew_lease_until"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Deleted codes stay for their statistics and their scene stays taken. */
    deletedAt: timestamp("deleted_at"),
  },
  (t) => [
    uniqueIndex("qrcodes_account_scene_uq").on(t.accountId, t.scene),
    uniqueIndex("qrcodes_live_token_uq").on(t.liveToken),
    uniqueIndex("qrcodes_account_idem_uq").on(t.accountId, t.idempotencyKey),
    index("qrcodes_account_group_idx").on(t.accountId, t.groupId),
    index("qrcodes_account_status_expiry_idx").on(t.accountId, t.status, t.expiresAt),
    index("qrcodes_account_created_idx").on(t.accountId, t.createdAt),
    index("qrcodes_renew_idx").on(t.autoRenew, t.expiresAt),
    /** Counts an account's permanent codes against WeChat's cap of 100,000. */
    index("qrcodes_account_kind_idx").on(t.accountId, t.kind),
  ],
);
