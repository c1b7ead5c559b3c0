import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { bool, createdAt, jsonText, primaryId, timestamp, updatedAt } from "./columns";

export type StoredFormField = { id: string; type: string; label: string } & Record<string, unknown>;

export const forms = sqliteTable(
  "forms",
  {
    id: primaryId(),
    accountId: text("account_id").notNull(),
    name: text("name").notNull(),
    title: text("title").notNull().default(""),
    description: text("description").notNull().default(""),
    fields: jsonText<StoredFormField[]>("fields").notNull().default([]),
    keyField: text("key_field", { enum: ["mobile", "email"] })
      .notNull()
      .default("mobile"),
    memberTagIds: jsonText<string[]>("member_tag_ids").notNull().default([]),
    thankYouMessage: text("thank_you_message").notNull().default(""),
    redirectUrl: text("redirect_url"),
    allowAnonymous: bool("allow_anonymous").notNull().default(false),
    /** The hosted page speaks this language; Simplified Chinese unless the operator chooses. */
    language: text("language", { enum: ["zh-CN", "en"] })
      .notNull()
      .default("zh-CN"),
    status: text("status", { enum: ["active", "archived"] })
      .notNull()
      .default("active"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp("deleted_at"),
  },
  (t) => [index("forms_account_idx").on(t.accountId)],
);

export const formViews = sqliteTable(
  "form_views",
  {
    id: primaryId(),
    formId: text("form_id").notNull(),
    qrcodeId: text("qrcode_id"),
    fanId: text("fan_id"),
    createdAt: createdAt(),
  },
  (t) => [index("form_views_form_idx").on(t.formId), index("form_views_code_idx").on(t.qrcodeId)],
);

export const formSubmissions = sqliteTable(
  "form_submissions",
  {
    id: primaryId(),
    formId: text("form_id").notNull(),
    accountId: text("account_id").notNull(),
    qrcodeId: text("qrcode_id"),
    fanId: text("fan_id"),
    contactId: text("contact_id"),
    data: jsonText<Record<string, unknown>>("data").notNull(),
    outcome: text("outcome", { enum: ["matched", "created", "conflict", "anonymous"] }).notNull(),
    /** SHA-256 of the client address with the signing key; for throttling only. */
    clientHash: text("client_hash").notNull().default(""),
    /** Set when its contact was erased: answers and client hash blanked, the row kept for counts. */
    erasedAt: timestamp("erased_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("form_submissions_form_idx").on(t.formId, t.createdAt),
    index("form_submissions_code_idx").on(t.qrcodeId),
    index("form_submissions_contact_idx").on(t.contactId),
  ],
);

/** A fan linked to one contact submitted a different key: an operator decides. */
export const contactConflicts = sqliteTable(
  "contact_conflicts",
  {
    id: primaryId(),
    fanId: text("fan_id").notNull(),
    contactId: text("contact_id").notNull(),
    otherContactId: text("other_contact_id"),
    submissionId: text("submission_id"),
    status: text("status", { enum: ["open", "resolved"] })
      .notNull()
      .default("open"),
    resolution: text("resolution"),
    resolvedBy: text("resolved_by"),
    resolvedAt: timestamp("resolved_at"),
    createdAt: createdAt(),
  },
  (t) => [index("contact_conflicts_status_idx").on(t.status)],
);
