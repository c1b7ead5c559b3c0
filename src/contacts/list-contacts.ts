import { and, count, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  contactMemberTags,
  contacts,
  fans,
  formSubmissions,
  memberTags,
  qrcodeFans,
} from "../db/schema";
import type { ContactRow } from "./contact-patch";
import { accountIdsJson, type Visibility, visibleContactCondition } from "./contact-visibility";
import type { ContactsQuery } from "./schemas";

export type ContactFilter = Omit<ContactsQuery, "page" | "pageSize">;

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** Contacts a code brought: its source, a submission through it, or a linked fan who scanned it. */
function broughtBy(qrcodeId: string): SQL {
  return sql`(${contacts.sourceQrcodeId} = ${qrcodeId}
    or exists (select 1 from ${formSubmissions} where ${formSubmissions.contactId} = ${contacts.id}
      and ${formSubmissions.qrcodeId} = ${qrcodeId})
    or exists (select 1 from ${fans} join ${qrcodeFans} on ${qrcodeFans.fanId} = ${fans.id}
      where ${fans.contactId} = ${contacts.id} and ${qrcodeFans.qrcodeId} = ${qrcodeId}))`;
}

/** Erased contacts are markers kept for the counts: no list or export shows them. */
export function contactWhere(visible: Visibility, filter: ContactFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [visibleContactCondition(visible), isNull(contacts.erasedAt)];
  if (filter.q) {
    const p = likePattern(filter.q);
    parts.push(
      or(
        sql`${contacts.name} like ${p} escape '\\'`,
        sql`${contacts.mobile} like ${p} escape '\\'`,
        sql`${contacts.email} like ${p} escape '\\'`,
      ),
    );
  }
  if (filter.memberTagId) {
    parts.push(sql`exists (select 1 from ${contactMemberTags}
      where ${contactMemberTags.contactId} = ${contacts.id}
        and ${contactMemberTags.memberTagId} = ${filter.memberTagId})`);
  }
  if (filter.qrcodeId) parts.push(broughtBy(filter.qrcodeId));
  return and(...parts);
}

/** Tags and visible fan counts of a page of contacts, keyed by contact id. */
export async function contactExtras(db: Db, visible: Visibility, ids: string[]) {
  const tags = new Map<string, { id: string; name: string; color: string }[]>();
  const fanCounts = new Map<string, number>();
  if (!ids.length) return { tags, fanCounts };
  const tagRows = await db
    .select({
      contactId: contactMemberTags.contactId,
      id: memberTags.id,
      name: memberTags.name,
      color: memberTags.color,
    })
    .from(contactMemberTags)
    .innerJoin(memberTags, eq(memberTags.id, contactMemberTags.memberTagId))
    .where(inArray(contactMemberTags.contactId, ids))
    .orderBy(memberTags.name);
  for (const { contactId, ...tag } of tagRows) {
    tags.set(contactId, [...(tags.get(contactId) ?? []), tag]);
  }
  const fanWhere =
    visible === "all"
      ? inArray(fans.contactId, ids)
      : and(
          inArray(fans.contactId, ids),
          sql`${fans.accountId} in (select value from json_each(${accountIdsJson(visible)}))`,
        );
  const fanRows = await db
    .select({ contactId: fans.contactId, n: count() })
    .from(fans)
    .where(fanWhere)
    .groupBy(fans.contactId);
  for (const r of fanRows) if (r.contactId) fanCounts.set(r.contactId, r.n);
  return { tags, fanCounts };
}

export function presentContactSummary(
  c: ContactRow,
  extras: Awaited<ReturnType<typeof contactExtras>>,
) {
  return {
    id: c.id,
    name: c.name,
    mobile: c.mobile,
    email: c.email,
    fields: c.fields,
    sourceQrcodeId: c.sourceQrcodeId,
    tags: extras.tags.get(c.id) ?? [],
    fanCount: extras.fanCounts.get(c.id) ?? 0,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    erasedAt: c.erasedAt,
  };
}

/** One page of the contacts this user may see, most recently changed first. */
export async function listContacts(db: Db, visible: Visibility, query: ContactsQuery) {
  const where = contactWhere(visible, query);
  const [total] = await db.select({ n: count() }).from(contacts).where(where);
  const rows = await db
    .select()
    .from(contacts)
    .where(where)
    .orderBy(desc(contacts.updatedAt), contacts.id)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const extras = await contactExtras(
    db,
    visible,
    rows.map((r) => r.id),
  );
  return {
    contacts: rows.map((r) => presentContactSummary(r, extras)),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
