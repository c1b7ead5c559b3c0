import { count, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  contactMemberTags,
  contacts,
  forms,
  memberTags,
  pendingMemberTags,
  qrcodes,
} from "../db/schema";
import { isUniqueViolation, runBatch, type Statement } from "./contact-queries";
import { type Visibility, visibleContactCondition } from "./contact-visibility";

export type MemberTagRow = typeof memberTags.$inferSelect;

export type MemberTagChange =
  | { ok: true; tag: MemberTagRow }
  | { ok: false; reason: "not_found" | "name_taken" | "same_tag" };

export async function findMemberTag(db: Db, id: string): Promise<MemberTagRow | undefined> {
  const [row] = await db.select().from(memberTags).where(eq(memberTags.id, id)).limit(1);
  return row;
}

/** How many contacts this user can see carry each tag. */
export async function memberTagContactCounts(db: Db, visible: Visibility) {
  const rows = await db
    .select({ id: contactMemberTags.memberTagId, n: count() })
    .from(contactMemberTags)
    .innerJoin(contacts, eq(contacts.id, contactMemberTags.contactId))
    .where(visibleContactCondition(visible))
    .groupBy(contactMemberTags.memberTagId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

export async function renameMemberTag(
  db: Db,
  id: string,
  change: { name?: string; color?: string },
): Promise<MemberTagChange> {
  if (!(await findMemberTag(db, id))) return { ok: false, reason: "not_found" };
  try {
    const [tag] = await db
      .update(memberTags)
      .set({ ...change, updatedAt: Date.now() })
      .where(eq(memberTags.id, id))
      .returning();
    return tag ? { ok: true, tag } : { ok: false, reason: "not_found" };
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, reason: "name_taken" };
    throw err;
  }
}

/** Rewrites a JSON array of tag ids in place: `into` replaces `from` (or drops it when null). */
type TagIdsColumn = typeof forms.memberTagIds | typeof qrcodes.memberTagIds;

function rewriteTagIds(column: TagIdsColumn, from: string, into: string | null): SQL {
  const mapped =
    into === null
      ? sql`select value as v from json_each(${column}) where value <> ${from}`
      : sql`select distinct case when value = ${from} then ${into} else value end as v from json_each(${column})`;
  return sql`(select json_group_array(v) from (${mapped}))`;
}

function holds(column: TagIdsColumn, id: string): SQL {
  return sql`exists (select 1 from json_each(${column}) where value = ${id})`;
}

/**
 * Statements that take tag `from` out of everything that names it: contacts
 * and pending fan tags move to `into` (or go, when null); forms and codes
 * that give it on submission or scan give `into` instead. Then `from` goes.
 */
function retireTagStatements(db: Db, from: string, into: string | null): Statement[] {
  const now = Date.now();
  const moves: Statement[] = into
    ? [
        // Selected columns follow each table's column order.
        db
          .insert(contactMemberTags)
          .select(
            sql`select contact_id, ${into}, created_at from ${contactMemberTags} where member_tag_id = ${from}`,
          )
          .onConflictDoNothing(),
        db
          .insert(pendingMemberTags)
          .select(
            sql`select fan_id, ${into}, qrcode_id, created_at from ${pendingMemberTags} where member_tag_id = ${from}`,
          )
          .onConflictDoNothing(),
      ]
    : [];
  return [
    ...moves,
    db.delete(contactMemberTags).where(eq(contactMemberTags.memberTagId, from)),
    db.delete(pendingMemberTags).where(eq(pendingMemberTags.memberTagId, from)),
    db
      .update(forms)
      .set({ memberTagIds: rewriteTagIds(forms.memberTagIds, from, into), updatedAt: now })
      .where(holds(forms.memberTagIds, from)),
    db
      .update(qrcodes)
      .set({ memberTagIds: rewriteTagIds(qrcodes.memberTagIds, from, into), updatedAt: now })
      .where(holds(qrcodes.memberTagIds, from)),
    db.delete(memberTags).where(eq(memberTags.id, from)),
  ];
}

/** Moves every use of `fromId` to `intoId`, then deletes `fromId`; one batch. */
export async function mergeMemberTags(
  db: Db,
  fromId: string,
  intoId: string,
): Promise<MemberTagChange> {
  if (fromId === intoId) return { ok: false, reason: "same_tag" };
  const [from, into] = [await findMemberTag(db, fromId), await findMemberTag(db, intoId)];
  if (!from || !into) return { ok: false, reason: "not_found" };
  await runBatch(db, retireTagStatements(db, fromId, intoId));
  return { ok: true, tag: into };
}

export async function deleteMemberTag(db: Db, id: string): Promise<boolean> {
  if (!(await findMemberTag(db, id))) return false;
  await runBatch(db, retireTagStatements(db, id, null));
  return true;
}

/** How many contacts (all of them) carry a tag, for the answer of a merge. */
export async function contactsWithTag(db: Db, id: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(contactMemberTags)
    .where(eq(contactMemberTags.memberTagId, id));
  return row?.n ?? 0;
}
