import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  contactConflicts,
  contactEvents,
  contactMemberTags,
  contacts,
  fans,
  formSubmissions,
} from "../db/schema";
import { newId } from "../lib/ids";
import type { EraseActor } from "./erase-fan";

type ContactRow = typeof contacts.$inferSelect;

export type EraseContactResult =
  | { ok: true; contact: { id: string; erasedAt: number }; counts: EraseContactCounts }
  | { ok: false; reason: "already_erased" };

export type EraseContactCounts = { submissions: number; fans: number };

/**
 * A privacy request for one contact. Name, keys and fields are blanked and
 * the row stays as the erased marker, so the code numbers that count its
 * submissions and contacts (src/forms/form-numbers.ts) do not change. Its
 * submissions keep their code and contact but lose their answers; its fans
 * are unlinked (their own data goes with a fan erasure); its member tags and
 * history go, one "erased" event taking their place. One D1 batch.
 */
export async function eraseContact(
  db: Db,
  contact: ContactRow,
  actor: EraseActor,
): Promise<EraseContactResult> {
  if (contact.erasedAt !== null) return { ok: false, reason: "already_erased" };
  const { now } = actor;

  const [erased, submissions, unlinked] = await db.batch([
    db
      .update(contacts)
      .set({ name: "", mobile: null, email: null, fields: {}, erasedAt: now, updatedAt: now })
      .where(and(eq(contacts.id, contact.id), isNull(contacts.erasedAt)))
      .returning({ id: contacts.id }),
    // Before the fans are unlinked: a fan's submission that ended in a conflict has no contact.
    db
      .update(formSubmissions)
      .set({ data: {}, clientHash: "", erasedAt: now })
      .where(
        or(
          eq(formSubmissions.contactId, contact.id),
          and(
            isNull(formSubmissions.contactId),
            sql`${formSubmissions.fanId} in (select ${fans.id} from ${fans} where ${fans.contactId} = ${contact.id})`,
          ),
        ),
      )
      .returning({ id: formSubmissions.id }),
    db
      .update(fans)
      .set({ contactId: null, updatedAt: now })
      .where(eq(fans.contactId, contact.id))
      .returning({ id: fans.id }),
    db.delete(contactMemberTags).where(eq(contactMemberTags.contactId, contact.id)),
    db.delete(contactEvents).where(eq(contactEvents.contactId, contact.id)),
    db.insert(contactEvents).values({
      id: newId("cev"),
      contactId: contact.id,
      kind: "erased",
      details: {},
      actorUserId: actor.userId,
      createdAt: now,
    }),
    db
      .update(contactConflicts)
      .set({
        status: "resolved",
        resolution: "contact_erased",
        resolvedBy: actor.userId,
        resolvedAt: now,
      })
      .where(
        and(
          eq(contactConflicts.status, "open"),
          or(
            eq(contactConflicts.contactId, contact.id),
            eq(contactConflicts.otherContactId, contact.id),
          ),
        ),
      ),
  ]);
  if (erased.length === 0) return { ok: false, reason: "already_erased" };
  return {
    ok: true,
    contact: { id: contact.id, erasedAt: now },
    counts: { submissions: submissions.length, fans: unlinked.length },
  };
}
