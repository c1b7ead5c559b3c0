import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import type { AuditStatement } from "../audit/record-audit";
import type { Db } from "../db/client";
import { qrcodes, qrGroups } from "../db/schema";
import { newId } from "../lib/ids";

export type GroupRow = typeof qrGroups.$inferSelect;
export type GroupResult = { ok: true; group: GroupRow } | { ok: false; reason: "name_taken" };

/** The account's groups by name, each with how many live codes it holds. */
export async function listGroups(db: Db, accountId: string) {
  const rows = await db
    .select({ group: qrGroups, codeCount: count(qrcodes.id) })
    .from(qrGroups)
    .leftJoin(qrcodes, and(eq(qrcodes.groupId, qrGroups.id), isNull(qrcodes.deletedAt)))
    .where(eq(qrGroups.accountId, accountId))
    .groupBy(qrGroups.id)
    .orderBy(asc(qrGroups.name));
  return rows.map((r) => ({ ...r.group, codeCount: r.codeCount }));
}

export async function createGroup(db: Db, accountId: string, name: string): Promise<GroupResult> {
  const now = Date.now();
  const [group] = await db
    .insert(qrGroups)
    .values({ id: newId("grp"), accountId, name, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: [qrGroups.accountId, qrGroups.name] })
    .returning();
  return group ? { ok: true, group } : { ok: false, reason: "name_taken" };
}

export async function findGroup(db: Db, accountId: string, groupId: string) {
  return db.query.qrGroups.findFirst({
    where: and(eq(qrGroups.id, groupId), eq(qrGroups.accountId, accountId)),
  });
}

export async function renameGroup(db: Db, group: GroupRow, name: string): Promise<GroupResult> {
  if (name === group.name) return { ok: true, group };
  const [row] = await db
    .update(qrGroups)
    .set({ name, updatedAt: Date.now() })
    .where(
      and(
        eq(qrGroups.id, group.id),
        sql`not exists (select 1 from ${qrGroups} g where g.account_id = ${group.accountId} and g.name = ${name})`,
      ),
    )
    .returning();
  return row ? { ok: true, group: row } : { ok: false, reason: "name_taken" };
}

/**
 * Deletes the group; its codes, deleted ones included, move to no group in
 * the same batch, and so does the audit entry given, if any.
 */
export async function deleteGroup(db: Db, group: GroupRow, audit?: AuditStatement): Promise<void> {
  await db.batch([
    db
      .update(qrcodes)
      .set({ groupId: null, updatedAt: Date.now() })
      .where(and(eq(qrcodes.accountId, group.accountId), eq(qrcodes.groupId, group.id))),
    db.delete(qrGroups).where(eq(qrGroups.id, group.id)),
    ...(audit ? [audit] : []),
  ]);
}
