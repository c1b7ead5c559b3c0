import { index, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, primaryId, updatedAt } from "./columns";

/** Tags of the product's own CRM; unlimited per contact. */
export const memberTags = sqliteTable(
  "member_tags",
  {
    id: primaryId(),
    name: text("name").notNull(),
    color: text("color").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("member_tags_name_uq").on(t.name)],
);

export const contactMemberTags = sqliteTable(
  "contact_member_tags",
  {
    contactId: text("contact_id").notNull(),
    memberTagId: text("member_tag_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.contactId, t.memberTagId] }),
    index("contact_member_tags_tag_idx").on(t.memberTagId),
  ],
);

/** Member tags earned by a fan's scan, waiting until the fan has a contact. */
export const pendingMemberTags = sqliteTable(
  "pending_member_tags",
  {
    fanId: text("fan_id").notNull(),
    memberTagId: text("member_tag_id").notNull(),
    qrcodeId: text("qrcode_id"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.fanId, t.memberTagId] })],
);
