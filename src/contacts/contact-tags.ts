import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { contactMemberTags, memberTags, pendingMemberTags } from "../db/schema";
import type { Statement } from "./contact-queries";
import { chunk } from "./member-tag-lookup";

export async function contactTagIds(db: Db, contactId: string): Promise<string[]> {
  const rows = await db
    .select({ id: contactMemberTags.memberTagId })
    .from(contactMemberTags)
    .where(eq(contactMemberTags.contactId, contactId));
  return rows.map((r) => r.id);
}

/** Member tags a fan earned by scanning before it had a contact; only tags that still exist. */
export async function pendingTagIds(db: Db, fanId: string): Promise<string[]> {
  const rows = await db
    .select({ id: pendingMemberTags.memberTagId })
    .from(pendingMemberTags)
    .innerJoin(memberTags, eq(memberTags.id, pendingMemberTags.memberTagId))
    .where(eq(pendingMemberTags.fanId, fanId));
  return rows.map((r) => r.id);
}

// Three bound parameters a row.
const TAGS_PER_INSERT = 30;

/** Statements that give the contact these tags; ones it already has are left as they are. */
export function addTagStatements(
  db: Db,
  contactId: string,
  tagIds: readonly string[],
  now: number,
): Statement[] {
  return chunk([...new Set(tagIds)], TAGS_PER_INSERT).map((part) =>
    db
      .insert(contactMemberTags)
      .values(part.map((memberTagId) => ({ contactId, memberTagId, createdAt: now })))
      .onConflictDoNothing(),
  );
}

export function removeTagStatement(db: Db, contactId: string, tagIds: readonly string[]) {
  return db
    .delete(contactMemberTags)
    .where(
      and(
        eq(contactMemberTags.contactId, contactId),
        inArray(contactMemberTags.memberTagId, [...tagIds]),
      ),
    );
}

export function clearPendingStatement(db: Db, fanId: string) {
  return db.delete(pendingMemberTags).where(eq(pendingMemberTags.fanId, fanId));
}
