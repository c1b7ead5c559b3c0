import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { contacts, fans } from "../db/schema";
import type { ContactPatch, ContactRow, FieldDifference } from "./contact-patch";
import { planFill } from "./contact-patch";
import { type ContactEventInput, contactEventStatements, type Statement } from "./contact-queries";

export type SubmissionContext = {
  submissionId: string;
  formId: string;
  accountId: string;
  qrcodeId: string | null;
  fanId: string | null;
  now: number;
};

/** A new contact from a submission, its `created` event, and any value it could not take. */
export function createContactStatements(
  db: Db,
  contactId: string,
  patch: ContactPatch,
  differences: FieldDifference[],
  sourceQrcodeId: string | null,
  ctx: SubmissionContext,
): Statement[] {
  const insert = db.insert(contacts).values({
    id: contactId,
    name: patch.name ?? "",
    mobile: patch.mobile ?? null,
    email: patch.email ?? null,
    fields: patch.fields,
    sourceQrcodeId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  const event: ContactEventInput = {
    contactId,
    kind: "created",
    details: {
      via: "form",
      submissionId: ctx.submissionId,
      formId: ctx.formId,
      qrcodeId: ctx.qrcodeId,
      fanId: ctx.fanId,
    },
  };
  const about = { submissionId: ctx.submissionId, formId: ctx.formId, fanId: ctx.fanId };
  const noted = differences.map(
    (d): ContactEventInput => ({ contactId, kind: "field_conflict", details: { ...d, ...about } }),
  );
  return [insert, ...contactEventStatements(db, [event, ...noted], ctx.now)];
}

/**
 * Fills the contact's empty places from the submission. The SQL itself only
 * fills what is empty (coalesce, and `json_patch` with the stored fields
 * applied last), so a concurrent edit is never overwritten either; the
 * plan made from the row read earlier names the filled fields and the
 * differences for the merge history.
 */
export function mergeContactStatements(
  db: Db,
  contact: ContactRow,
  patch: ContactPatch,
  extraDifferences: FieldDifference[],
  sourceQrcodeId: string | null,
  ctx: SubmissionContext,
): Statement[] {
  const { filled, differences } = planFill(contact, patch);
  const update = db
    .update(contacts)
    .set({
      name: sql`case when ${contacts.name} = '' then ${patch.name ?? ""} else ${contacts.name} end`,
      mobile: sql`coalesce(${contacts.mobile}, ${patch.mobile ?? null})`,
      email: sql`coalesce(${contacts.email}, ${patch.email ?? null})`,
      fields: sql`json_patch(${JSON.stringify(patch.fields)}, ${contacts.fields})`,
      sourceQrcodeId: sql`coalesce(${contacts.sourceQrcodeId}, ${sourceQrcodeId})`,
      updatedAt: ctx.now,
    })
    .where(eq(contacts.id, contact.id));

  const about = { submissionId: ctx.submissionId, formId: ctx.formId, fanId: ctx.fanId };
  const events: ContactEventInput[] = [
    {
      contactId: contact.id,
      kind: "merged",
      details: { via: "form", ...about, qrcodeId: ctx.qrcodeId, filled },
    },
    ...[...differences, ...extraDifferences].map(
      (d): ContactEventInput => ({
        contactId: contact.id,
        kind: "field_conflict",
        details: { ...d, ...about },
      }),
    ),
  ];
  return [update, ...contactEventStatements(db, events, ctx.now)];
}

/** Links the fan to the contact, and records it, when it is not linked there already. */
export function linkFanStatements(
  db: Db,
  fan: { id: string; accountId: string; contactId: string | null },
  contactId: string,
  ctx: SubmissionContext,
): Statement[] {
  if (fan.contactId === contactId) return [];
  const update = db.update(fans).set({ contactId, updatedAt: ctx.now }).where(eq(fans.id, fan.id));
  const event: ContactEventInput = {
    contactId,
    kind: "fan_linked",
    details: { fanId: fan.id, accountId: fan.accountId, submissionId: ctx.submissionId },
  };
  return [update, ...contactEventStatements(db, [event], ctx.now)];
}
