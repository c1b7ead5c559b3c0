import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, jsonText, primaryId, timestamp, updatedAt } from "./columns";

/** A CRM person, keyed by mobile or email, linked to zero or more fans. */
export const contacts = sqliteTable(
  "contacts",
  {
    id: primaryId(),
    name: text("name").notNull().default(""),
    mobile: text("mobile"),
    email: text("email"),
    fields: jsonText<Record<string, unknown>>("fields").notNull().default({}),
    sourceQrcodeId: text("source_qrcode_id"),
    /** Set by a privacy request: name, keys and fields are blanked, the row stays for counts. */
    erasedAt: timestamp("erased_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("contacts_mobile_uq").on(t.mobile),
    uniqueIndex("contacts_email_uq").on(t.email),
    index("contacts_name_idx").on(t.name),
  ],
);

/** Merge history and field differences of a contact, never silently lost. */
export const contactEvents = sqliteTable(
  "contact_events",
  {
    id: primaryId(),
    contactId: text("contact_id").notNull(),
    kind: text("kind", {
      enum: [
        "created",
        "merged",
        "fan_linked",
        "fan_unlinked",
        "field_conflict",
        "edited",
        "tagged",
        "untagged",
        "conflict",
        "conflict_resolved",
        "erased",
      ],
    }).notNull(),
    details: jsonText<Record<string, unknown>>("details").notNull().default({}),
    actorUserId: text("actor_user_id"),
    createdAt: createdAt(),
  },
  (t) => [index("contact_events_contact_idx").on(t.contactId, t.createdAt)],
);
