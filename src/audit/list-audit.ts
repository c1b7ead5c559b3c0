import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { auditLog } from "../db/schema";

export type AuditFilter = {
  accountId?: string;
  entityType?: string;
  entityId?: string;
  userId?: string;
};

export function auditWhere(filter: AuditFilter, beforeId?: number): SQL | undefined {
  const parts = [
    filter.accountId ? eq(auditLog.accountId, filter.accountId) : undefined,
    filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    filter.userId ? eq(auditLog.userId, filter.userId) : undefined,
    beforeId ? lt(auditLog.id, beforeId) : undefined,
  ].filter((p): p is SQL => p !== undefined);
  return parts.length ? and(...parts) : undefined;
}

/** Newest first, keyset-paginated by id so pages stay stable while entries are added. */
export async function listAudit(
  db: Db,
  filter: AuditFilter,
  options: { limit: number; beforeId?: number },
) {
  const rows = await db
    .select()
    .from(auditLog)
    .where(auditWhere(filter, options.beforeId))
    .orderBy(desc(auditLog.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return { entries: page, nextBefore: rows.length > options.limit && last ? last.id : null };
}
