import { and, desc, eq, isNull, lt, ne, or, type SQL, sql } from "drizzle-orm";
import { visibleContactCondition } from "../contacts/contact-visibility";
import type { Db } from "../db/client";
import { auditLog, contacts } from "../db/schema";

export type AuditFilter = {
  accountId?: string;
  entityType?: string;
  entityId?: string;
  userId?: string;
};

/**
 * The accounts whose entries the reader may see. Entries of no account are
 * seen too, except a contact's: contacts are global, and an entry of one
 * shows its fields, so it is seen by those who can see the contact.
 */
export type AuditVisibility = string[] | "all";

function visibleCondition(visible: AuditVisibility): SQL | undefined {
  if (visible === "all") return undefined;
  const ids = JSON.stringify(visible);
  const contactSeen = sql`exists (select 1 from ${contacts}
    where ${contacts.id} = ${auditLog.entityId} and ${visibleContactCondition(visible)})`;
  return or(
    and(isNull(auditLog.accountId), or(ne(auditLog.entityType, "contact"), contactSeen)),
    sql`${auditLog.accountId} in (select value from json_each(${ids}))`,
  );
}

export function auditWhere(
  filter: AuditFilter,
  visible: AuditVisibility,
  beforeId?: number,
): SQL | undefined {
  const parts = [
    visibleCondition(visible),
    filter.accountId ? eq(auditLog.accountId, filter.accountId) : undefined,
    filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    filter.userId ? eq(auditLog.userId, filter.userId) : undefined,
    beforeId ? lt(auditLog.id, beforeId) : undefined,
  ].filter((p): p is SQL => p !== undefined);
  return parts.length ? and(...parts) : undefined;
}

/** Newest first, only entries of accounts the reader can see, keyset-paginated by id so pages stay stable while entries are added. */
export async function listAudit(
  db: Db,
  filter: AuditFilter,
  options: { limit: number; beforeId?: number; visible: AuditVisibility },
) {
  const rows = await db
    .select()
    .from(auditLog)
    .where(auditWhere(filter, options.visible, options.beforeId))
    .orderBy(desc(auditLog.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return { entries: page, nextBefore: rows.length > options.limit && last ? last.id : null };
}
