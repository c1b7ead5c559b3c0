import { and, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  contactConflicts,
  contactEvents,
  contacts,
  fans,
  formSubmissions,
  forms,
  qrcodes,
  scans,
} from "../db/schema";
import type { ContactRow } from "./contact-patch";
import { accountIdsJson, type Visibility, visibleContactCondition } from "./contact-visibility";
import { contactExtras, presentContactSummary } from "./list-contacts";
import { visibleContactEvents } from "./visible-events";

const RECENT = 50;

/** The contact when this user may see it; undefined otherwise (answered as 404). */
export async function findVisibleContact(
  db: Db,
  visible: Visibility,
  contactId: string,
): Promise<ContactRow | undefined> {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, contactId), visibleContactCondition(visible)))
    .limit(1);
  return row;
}

function inVisibleAccounts(column: Parameters<typeof eq>[0], visible: Visibility): SQL | undefined {
  if (visible === "all") return undefined;
  return sql`${column} in (select value from json_each(${accountIdsJson(visible)}))`;
}

async function linkedFans(db: Db, visible: Visibility, contactId: string) {
  return db
    .select({
      id: fans.id,
      accountId: fans.accountId,
      openid: fans.openid,
      following: fans.following,
      remark: fans.remark,
      sourceQrcodeId: fans.sourceQrcodeId,
      lastFollowedAt: fans.lastFollowedAt,
    })
    .from(fans)
    .where(and(eq(fans.contactId, contactId), inVisibleAccounts(fans.accountId, visible)));
}

async function recentScans(db: Db, fanIds: string[]) {
  if (!fanIds.length) return [];
  return db
    .select({
      id: scans.id,
      accountId: scans.accountId,
      qrcodeId: scans.qrcodeId,
      qrcodeName: qrcodes.name,
      fanId: scans.fanId,
      event: scans.event,
      isNewFollower: scans.isNewFollower,
      occurredAt: scans.occurredAt,
    })
    .from(scans)
    .leftJoin(qrcodes, eq(qrcodes.id, scans.qrcodeId))
    .where(inArray(scans.fanId, fanIds))
    .orderBy(desc(scans.occurredAt))
    .limit(RECENT);
}

/** Its own submissions, and those of its fans that ended in a conflict (no contact yet). */
async function recentSubmissions(db: Db, visible: Visibility, contactId: string, fanIds: string[]) {
  const mine = fanIds.length
    ? or(eq(formSubmissions.contactId, contactId), inArray(formSubmissions.fanId, fanIds))
    : eq(formSubmissions.contactId, contactId);
  return db
    .select({
      id: formSubmissions.id,
      formId: formSubmissions.formId,
      formName: forms.name,
      qrcodeId: formSubmissions.qrcodeId,
      fanId: formSubmissions.fanId,
      outcome: formSubmissions.outcome,
      data: formSubmissions.data,
      createdAt: formSubmissions.createdAt,
    })
    .from(formSubmissions)
    .leftJoin(forms, eq(forms.id, formSubmissions.formId))
    .where(and(mine, inVisibleAccounts(formSubmissions.accountId, visible)))
    .orderBy(desc(formSubmissions.createdAt))
    .limit(RECENT);
}

/**
 * The labels of the form fields whose answers the contact keeps (`fields` is
 * keyed by field id): taken from the forms it submitted, the newest first, so
 * a field renamed later shows its current label.
 */
async function fieldLabels(db: Db, contactId: string): Promise<Record<string, string>> {
  const rows = await db
    .selectDistinct({ fields: forms.fields, updatedAt: forms.updatedAt })
    .from(formSubmissions)
    .innerJoin(forms, eq(forms.id, formSubmissions.formId))
    .where(eq(formSubmissions.contactId, contactId))
    .orderBy(desc(forms.updatedAt));
  const labels: Record<string, string> = {};
  for (const row of rows) {
    for (const field of row.fields) labels[field.id] ??= field.label;
  }
  return labels;
}

/** A contact's page: linked fans, their scans, submissions, tags and merge history. */
export async function getContactDetail(db: Db, visible: Visibility, contact: ContactRow) {
  const fanRows = await linkedFans(db, visible, contact.id);
  const fanIds = fanRows.map((f) => f.id);
  const extras = await contactExtras(db, visible, [contact.id]);
  const events = await db
    .select()
    .from(contactEvents)
    .where(eq(contactEvents.contactId, contact.id))
    .orderBy(desc(contactEvents.createdAt), desc(contactEvents.id))
    .limit(200);
  const conflicts = await db
    .select({ id: contactConflicts.id })
    .from(contactConflicts)
    .leftJoin(fans, eq(fans.id, contactConflicts.fanId))
    .where(
      and(
        eq(contactConflicts.status, "open"),
        or(
          eq(contactConflicts.contactId, contact.id),
          eq(contactConflicts.otherContactId, contact.id),
        ),
        inVisibleAccounts(fans.accountId, visible),
      ),
    );
  return {
    contact: presentContactSummary(contact, extras),
    fans: fanRows,
    scans: await recentScans(db, fanIds),
    submissions: await recentSubmissions(db, visible, contact.id, fanIds),
    fieldLabels: await fieldLabels(db, contact.id),
    events: (await visibleContactEvents(db, visible, events)).map((e) => ({
      id: e.id,
      kind: e.kind,
      details: e.details,
      actorUserId: e.actorUserId,
      createdAt: e.createdAt,
    })),
    openConflictIds: conflicts.map((c) => c.id),
  };
}
