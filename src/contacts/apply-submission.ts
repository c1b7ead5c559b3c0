import type { Db } from "../db/client";
import { contactConflicts, type fans, formSubmissions } from "../db/schema";
import { type FormRow, formFieldsOf } from "../forms/present-form";
import type { SubmissionValues } from "../forms/validate-submission";
import { newId } from "../lib/ids";
import { type ContactPatch, contactPatchFromValues, type FieldDifference } from "./contact-patch";
import {
  contactEventStatements,
  findContact,
  findContactByKey,
  isUniqueViolation,
  runBatch,
  type Statement,
} from "./contact-queries";
import {
  addTagStatements,
  clearPendingStatement,
  contactTagIds,
  pendingTagIds,
} from "./contact-tags";
import { decideSubmissionTarget, type SubmissionTarget } from "./decide-submission-target";
import { existingMemberTags } from "./member-tag-lookup";
import {
  createContactStatements,
  linkFanStatements,
  mergeContactStatements,
  type SubmissionContext,
} from "./merge-statements";

export type FanRow = typeof fans.$inferSelect;
export type SubmissionOutcome = (typeof formSubmissions.$inferSelect)["outcome"];

export type ApplySubmissionInput = {
  form: Pick<FormRow, "id" | "accountId" | "keyField" | "fields" | "memberTagIds">;
  /** The fan named by a valid link token or OAuth; null for an anonymous submission. */
  fan: FanRow | null;
  qrcodeId: string | null;
  values: SubmissionValues;
  clientHash: string;
};

export type ApplySubmissionResult = {
  submissionId: string;
  outcome: SubmissionOutcome;
  contactId: string | null;
  conflictId: string | null;
};

/**
 * Stores a validated submission and brings it into the CRM: find the contact
 * by the key field, create or merge, link the fan, apply the form's and the
 * fan's pending member tags. Every write is one D1 batch, so a failure leaves
 * nothing half done. Two first submissions of one key racing each other meet
 * the unique index; the loser plans again and merges into the winner.
 */
export async function applySubmission(
  db: Db,
  input: ApplySubmissionInput,
): Promise<ApplySubmissionResult> {
  try {
    return await applyOnce(db, input);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return applyOnce(db, input);
  }
}

async function applyOnce(db: Db, input: ApplySubmissionInput): Promise<ApplySubmissionResult> {
  const { form, fan } = input;
  const patch = contactPatchFromValues(formFieldsOf(form), input.values);
  const keyValue = patch[form.keyField];
  if (!keyValue) throw new Error("submission reached the CRM without its key field");

  const byKey = await findContactByKey(db, form.keyField, keyValue);
  const fanContact = fan?.contactId ? await findContact(db, fan.contactId) : undefined;
  const target = decideSubmissionTarget(form.keyField, keyValue, byKey, fanContact);
  const ctx: SubmissionContext = {
    submissionId: newId("sub"),
    formId: form.id,
    accountId: form.accountId,
    qrcodeId: input.qrcodeId,
    fanId: fan?.id ?? null,
    now: Date.now(),
  };

  if (target.kind === "conflict") return storeConflict(db, input, target, keyValue, ctx);

  const contactId = target.kind === "create" ? newId("ct") : target.contact.id;
  const { patch: safePatch, differences } = await dropKeysOwnedElsewhere(
    db,
    form.keyField,
    patch,
    contactId,
  );
  const outcome: SubmissionOutcome = !fan
    ? "anonymous"
    : target.kind === "create"
      ? "created"
      : "matched";
  const source = input.qrcodeId ?? fan?.sourceQrcodeId ?? null;
  const statements: Statement[] = [
    submissionInsert(db, input, ctx, contactId, outcome),
    ...(target.kind === "create"
      ? createContactStatements(db, contactId, safePatch, differences, source, ctx)
      : mergeContactStatements(db, target.contact, safePatch, differences, source, ctx)),
    ...(fan ? linkFanStatements(db, fan, contactId, ctx) : []),
    ...(await tagStatements(db, input, contactId, target.kind === "create", ctx)),
  ];
  await runBatch(db, statements);
  return { submissionId: ctx.submissionId, outcome, contactId, conflictId: null };
}

function submissionInsert(
  db: Db,
  input: ApplySubmissionInput,
  ctx: SubmissionContext,
  contactId: string | null,
  outcome: SubmissionOutcome,
) {
  return db.insert(formSubmissions).values({
    id: ctx.submissionId,
    formId: ctx.formId,
    accountId: ctx.accountId,
    qrcodeId: ctx.qrcodeId,
    fanId: ctx.fanId,
    contactId,
    data: input.values,
    outcome,
    clientHash: input.clientHash,
    createdAt: ctx.now,
  });
}

/**
 * The key other than the form's (email on a mobile-keyed form, say) is unique
 * too. When it already belongs to another contact it is not copied: the
 * difference is recorded instead of failing the whole submission.
 */
export async function dropKeysOwnedElsewhere(
  db: Db,
  keyField: "mobile" | "email",
  patch: ContactPatch,
  contactId: string,
): Promise<{ patch: ContactPatch; differences: FieldDifference[] }> {
  const other = keyField === "mobile" ? "email" : "mobile";
  const offered = patch[other];
  const owner = offered ? await findContactByKey(db, other, offered) : undefined;
  if (!owner || owner.id === contactId) return { patch, differences: [] };
  const { [other]: _dropped, ...rest } = patch;
  return {
    patch: rest,
    differences: [{ field: other, kept: null, offered, ownedByContactId: owner.id }],
  };
}

export async function tagStatements(
  db: Db,
  input: ApplySubmissionInput,
  contactId: string,
  isNew: boolean,
  ctx: SubmissionContext,
): Promise<Statement[]> {
  const fromForm = await existingMemberTags(db, input.form.memberTagIds);
  const fromScans = input.fan ? await pendingTagIds(db, input.fan.id) : [];
  const has = new Set(isNew ? [] : await contactTagIds(db, contactId));
  const added = [...new Set([...fromForm, ...fromScans])].filter((id) => !has.has(id));

  const statements: Statement[] = input.fan ? [clearPendingStatement(db, input.fan.id)] : [];
  if (!added.length) return statements;
  const event = {
    contactId,
    kind: "tagged" as const,
    details: { memberTagIds: added, fromForm, fromScans, submissionId: ctx.submissionId },
  };
  return [
    ...addTagStatements(db, contactId, added, ctx.now),
    ...contactEventStatements(db, [event], ctx.now),
    ...statements,
  ];
}

/** The fan's contact has another key: store the submission and open a conflict; merge nothing. */
async function storeConflict(
  db: Db,
  input: ApplySubmissionInput,
  target: Extract<SubmissionTarget, { kind: "conflict" }>,
  keyValue: string,
  ctx: SubmissionContext,
): Promise<ApplySubmissionResult> {
  const conflictId = newId("ccf");
  const fanId = ctx.fanId ?? "";
  const event = {
    contactId: target.contact.id,
    kind: "conflict" as const,
    details: {
      conflictId,
      submissionId: ctx.submissionId,
      fanId,
      keyField: input.form.keyField,
      offered: keyValue,
      otherContactId: target.other?.id ?? null,
    },
  };
  await runBatch(db, [
    submissionInsert(db, input, ctx, null, "conflict"),
    db.insert(contactConflicts).values({
      id: conflictId,
      fanId,
      contactId: target.contact.id,
      otherContactId: target.other?.id ?? null,
      submissionId: ctx.submissionId,
      status: "open",
      createdAt: ctx.now,
    }),
    ...contactEventStatements(db, [event], ctx.now),
  ]);
  return { submissionId: ctx.submissionId, outcome: "conflict", contactId: null, conflictId };
}
