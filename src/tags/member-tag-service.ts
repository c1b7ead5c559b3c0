import { asc, count, eq, inArray } from "drizzle-orm";
import type { Visibility } from "../contacts/contact-visibility";
import { memberTagContactCounts } from "../contacts/member-tag-admin";
import type { Db } from "../db/client";
import { fans, memberTags, pendingMemberTags } from "../db/schema";
import { AppError } from "../http/errors";
import { newId } from "../lib/ids";

/**
 * Member tags with how many contacts carry each and how many fans wait for
 * a contact to carry it, counting only what this user may see.
 */
export async function listMemberTags(db: Db, visible: Visibility) {
  const [tags, contactCounts, pending] = await Promise.all([
    db.select().from(memberTags).orderBy(asc(memberTags.name)),
    memberTagContactCounts(db, visible),
    db
      .select({ id: pendingMemberTags.memberTagId, n: count() })
      .from(pendingMemberTags)
      .innerJoin(fans, eq(fans.id, pendingMemberTags.fanId))
      .where(
        visible === "all" ? undefined : inArray(fans.accountId, visible.length ? visible : [""]),
      )
      .groupBy(pendingMemberTags.memberTagId),
  ]);
  const pendingCounts = new Map(pending.map((p) => [p.id, p.n]));
  return tags.map((t) => ({
    id: t.id,
    name: t.name,
    color: t.color,
    contactCount: contactCounts.get(t.id) ?? 0,
    pendingFanCount: pendingCounts.get(t.id) ?? 0,
    createdAt: t.createdAt,
  }));
}

export async function createMemberTagOrThrow(db: Db, input: { name: string; color: string }) {
  const now = Date.now();
  const [row] = await db
    .insert(memberTags)
    .values({
      id: newId("mtag"),
      name: input.name,
      color: input.color,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new AppError("conflict", `A member tag named "${input.name}" already exists`);
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    contactCount: 0,
    pendingFanCount: 0,
    createdAt: row.createdAt,
  };
}
