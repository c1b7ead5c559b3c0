import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  contactConflicts,
  contactEvents,
  contactMemberTags,
  contacts,
  fans,
  formSubmissions,
} from "../db/schema";
import { type ContactRow, planFill } from "./contact-patch";
import { type ContactEventInput, contactEventStatements, type Statement } from "./contact-queries";

/**
 * Statements that merge `from` into `into`: `into` keeps every value it has
 * and fills its empty places from `from`; fans, tags, submissions, history
 * and conflicts move over; `from` is deleted first so its unique mobile or
 * email can move without tripping the index. Values that differ are
 * recorded as `field_conflict`, and the merge itself as `merged` with a
 * snapshot of what was merged in.
 */
export function mergeContactsStatements(
  db: Db,
  into: ContactRow,
  from: ContactRow,
  details: Record<string, unknown>,
  actorUserId: string | null,
  now: number,
): Statement[] {
  const offered = {
    name: from.name || undefined,
    mobile: from.mobile ?? undefined,
    email: from.email ?? undefined,
    fields: from.fields,
  };
  const { filled, differences } = planFill(into, offered);

  const events: ContactEventInput[] = [
    {
      contactId: into.id,
      kind: "merged",
      actorUserId,
      details: {
        ...details,
        mergedContactId: from.id,
        merged: { name: from.name, mobile: from.mobile, email: from.email, fields: from.fields },
        filled,
      },
    },
    ...differences.map(
      (d): ContactEventInput => ({
        contactId: into.id,
        kind: "field_conflict",
        actorUserId,
        details: { ...d, mergedContactId: from.id },
      }),
    ),
  ];
  return [
    db.delete(contacts).where(eq(contacts.id, from.id)),
    db
      .update(contacts)
      .set({
        name: sql`case when ${contacts.name} = '' then ${from.name} else ${contacts.name} end`,
        mobile: sql`coalesce(${contacts.mobile}, ${from.mobile})`,
        email: sql`coalesce(${contacts.email}, ${from.email})`,
        fields: sql`json_patch(${JSON.stringify(from.fields)}, ${contacts.fields})`,
        sourceQrcodeId: sql`coalesce(${contacts.sourceQrcodeId}, ${from.sourceQrcodeId})`,
        updatedAt: now,
      })
      .where(eq(contacts.id, into.id)),
    db.update(fans).set({ contactId: into.id, updatedAt: now }).where(eq(fans.contactId, from.id)),
    // Columns in table order: contact_id, member_tag_id, created_at.
    db
      .insert(contactMemberTags)
      .select(
        sql`select ${into.id}, member_tag_id, created_at from ${contactMemberTags} where contact_id = ${from.id}`,
      )
      .onConflictDoNothing(),
    db.delete(contactMemberTags).where(eq(contactMemberTags.contactId, from.id)),
    db
      .update(formSubmissions)
      .set({ contactId: into.id })
      .where(eq(formSubmissions.contactId, from.id)),
    db
      .update(contactEvents)
      .set({ contactId: into.id })
      .where(eq(contactEvents.contactId, from.id)),
    db
      .update(contactConflicts)
      .set({ contactId: into.id })
      .where(eq(contactConflicts.contactId, from.id)),
    db
      .update(contactConflicts)
      .set({ otherContactId: into.id })
      .where(eq(contactConflicts.otherContactId, from.id)),
    ...contactEventStatements(db, events, now),
  ];
}
