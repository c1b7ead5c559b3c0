import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { contactEvents, contactMemberTags, memberTags, pendingMemberTags } from "../db/schema";
import { newId } from "../lib/ids";

/**
 * A code's member tags for the fan who scanned it: on the fan's contact when
 * there is one, else kept pending until the fan gets a contact (a form
 * submission links them; the forms domain then calls applyPendingMemberTags).
 */
export async function applyMemberTagsForScan(
  db: Db,
  fan: { id: string; contactId: string | null },
  memberTagIds: readonly string[],
  qrcodeId: string,
  now = Date.now(),
): Promise<"contact" | "pending" | "none"> {
  const existing = memberTagIds.length
    ? await db
        .select({ id: memberTags.id })
        .from(memberTags)
        .where(inArray(memberTags.id, [...memberTagIds]))
    : [];
  const ids = existing.map((t) => t.id);
  const [first, ...rest] = ids;
  if (!first) return "none";
  if (fan.contactId) {
    await tagContact(db, fan.contactId, [first, ...rest], { source: "scan", qrcodeId }, now);
    return "contact";
  }
  await db
    .insert(pendingMemberTags)
    .values(ids.map((memberTagId) => ({ fanId: fan.id, memberTagId, qrcodeId, createdAt: now })))
    .onConflictDoNothing();
  return "pending";
}

/** Moves the fan's pending member tags to its contact; returns how many moved. */
export async function applyPendingMemberTags(
  db: Db,
  fanId: string,
  contactId: string,
  now = Date.now(),
): Promise<number> {
  const pending = await db
    .select()
    .from(pendingMemberTags)
    .where(eq(pendingMemberTags.fanId, fanId));
  const ids = [...new Set(pending.map((p) => p.memberTagId))];
  const [first, ...rest] = ids;
  if (!first) return 0;
  await tagContact(db, contactId, [first, ...rest], { source: "pending", fanId }, now);
  await db.delete(pendingMemberTags).where(eq(pendingMemberTags.fanId, fanId));
  return ids.length;
}

/**
 * Adds the tags to the contact, with one "tagged" event when at least one of
 * them is new. The event goes first in the same batch and checks the tags
 * itself, so a repeated follow-up (a queue retry) records nothing twice.
 */
async function tagContact(
  db: Db,
  contactId: string,
  memberTagIds: [string, ...string[]],
  details: Record<string, string>,
  now: number,
) {
  const wanted = JSON.stringify(memberTagIds);
  const eventDetails = JSON.stringify({ ...details, memberTagIds });
  // Columns in the table's order: id, contact_id, kind, details, actor_user_id, created_at.
  const event = db.insert(contactEvents).select(
    sql`select ${newId("cev")}, ${contactId}, 'tagged', ${eventDetails}, null, ${now}
        where exists (select 1 from json_each(${wanted}) as w where not exists (
          select 1 from ${contactMemberTags} as c
          where c.contact_id = ${contactId} and c.member_tag_id = w.value))`,
  );
  await db.batch([
    event,
    db
      .insert(contactMemberTags)
      .values(memberTagIds.map((memberTagId) => ({ contactId, memberTagId, createdAt: now })))
      .onConflictDoNothing(),
  ]);
}
