import { and, count, desc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";
import { contactConflicts, contacts, fans, formSubmissions } from "../db/schema";
import { fanErased, shownOpenid } from "../privacy/shown-fan";
import { accountIdsJson, type Visibility } from "./contact-visibility";

const other = alias(contacts, "other_contact");

export type ConflictQuery = { status: "open" | "resolved"; page: number; pageSize: number };

/** A conflict is visible to whoever may see the account of its fan. */
function conflictWhere(visible: Visibility, extra: SQL | undefined): SQL | undefined {
  const byAccount =
    visible === "all"
      ? undefined
      : sql`${fans.accountId} in (select value from json_each(${accountIdsJson(visible)}))`;
  return and(byAccount, extra);
}

function selectConflicts(db: Db) {
  return db
    .select({
      conflict: contactConflicts,
      fan: { id: fans.id, accountId: fans.accountId, openid: shownOpenid, erased: fanErased },
      contact: {
        id: contacts.id,
        name: contacts.name,
        mobile: contacts.mobile,
        email: contacts.email,
      },
      other: { id: other.id, name: other.name, mobile: other.mobile, email: other.email },
      submission: {
        id: formSubmissions.id,
        formId: formSubmissions.formId,
        data: formSubmissions.data,
        createdAt: formSubmissions.createdAt,
      },
    })
    .from(contactConflicts)
    .innerJoin(fans, eq(fans.id, contactConflicts.fanId))
    .leftJoin(contacts, eq(contacts.id, contactConflicts.contactId))
    .leftJoin(other, eq(other.id, contactConflicts.otherContactId))
    .leftJoin(formSubmissions, eq(formSubmissions.id, contactConflicts.submissionId));
}

type ConflictJoin = Awaited<ReturnType<ReturnType<typeof selectConflicts>["all"]>>[number];

function present(row: ConflictJoin) {
  const c = row.conflict;
  return {
    id: c.id,
    status: c.status,
    fan: row.fan,
    contact: row.contact?.id ? row.contact : null,
    otherContact: row.other?.id ? row.other : null,
    submission: row.submission?.id ? row.submission : null,
    resolution: c.resolution,
    resolvedAt: c.resolvedAt,
    createdAt: c.createdAt,
  };
}

export async function listConflicts(db: Db, visible: Visibility, query: ConflictQuery) {
  const where = conflictWhere(visible, eq(contactConflicts.status, query.status));
  const [total] = await db
    .select({ n: count() })
    .from(contactConflicts)
    .innerJoin(fans, eq(fans.id, contactConflicts.fanId))
    .where(where);
  const rows = await selectConflicts(db)
    .where(where)
    .orderBy(desc(contactConflicts.createdAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    conflicts: rows.map(present),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function findVisibleConflict(db: Db, visible: Visibility, conflictId: string) {
  const [row] = await selectConflicts(db)
    .where(conflictWhere(visible, eq(contactConflicts.id, conflictId)))
    .limit(1);
  return row ? { row, view: present(row) } : undefined;
}
