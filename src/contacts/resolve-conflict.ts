import { and, eq } from "drizzle-orm";
import type { AuditStatement } from "../audit/record-audit";
import type { Db } from "../db/client";
import { contactConflicts, fans, formSubmissions, forms } from "../db/schema";
import { formFieldsOf } from "../forms/present-form";
import type { SubmissionValues } from "../forms/validate-submission";
import { newId } from "../lib/ids";
import { dropKeysOwnedElsewhere, tagStatements } from "./apply-submission";
import { contactPatchFromValues } from "./contact-patch";
import {
  contactEventStatements,
  findContact,
  findContactByKey,
  runBatch,
  type Statement,
} from "./contact-queries";
import { mergeContactsStatements } from "./merge-contacts";
import {
  createContactStatements,
  linkFanStatements,
  mergeContactStatements,
  type SubmissionContext,
} from "./merge-statements";
import type { ConflictResolution } from "./schemas";

export type ResolveConflictResult =
  | { ok: true; contactId: string }
  | {
      ok: false;
      reason: "not_found" | "already_resolved" | "no_other_contact" | "submission_missing";
    };

/** The audit entry of a resolution, from the contact the fan ends up linked to. */
export type ResolveAudit = (contactId: string) => AuditStatement;

type Actor = { userId: string; now: number; audit?: ResolveAudit };

function closeStatements(
  db: Db,
  conflictId: string,
  resolution: ConflictResolution,
  contactIds: string[],
  actor: Actor,
): Statement[] {
  const update = db
    .update(contactConflicts)
    .set({ status: "resolved", resolution, resolvedBy: actor.userId, resolvedAt: actor.now })
    .where(and(eq(contactConflicts.id, conflictId), eq(contactConflicts.status, "open")));
  const events = [...new Set(contactIds)].map((contactId) => ({
    contactId,
    kind: "conflict_resolved" as const,
    details: { conflictId, resolution },
    actorUserId: actor.userId,
  }));
  // The last contact named is the one the fan is linked to once resolved.
  const linked = contactIds.at(-1);
  const audit = actor.audit && linked ? [actor.audit(linked)] : [];
  return [update, ...contactEventStatements(db, events, actor.now), ...audit];
}

/**
 * An operator settles a conflict. Whatever they choose, the fan ends up
 * linked to exactly one contact, every change is in the contacts' history,
 * and it all happens in one batch, the audit entry `audit` makes included.
 */
export async function resolveConflict(
  db: Db,
  conflictId: string,
  resolution: ConflictResolution,
  userId: string,
  audit?: ResolveAudit,
): Promise<ResolveConflictResult> {
  const [conflict] = await db
    .select()
    .from(contactConflicts)
    .where(eq(contactConflicts.id, conflictId))
    .limit(1);
  if (!conflict) return { ok: false, reason: "not_found" };
  if (conflict.status !== "open") return { ok: false, reason: "already_resolved" };
  const actor = { userId, now: Date.now(), audit };
  const contact = await findContact(db, conflict.contactId);
  const other = conflict.otherContactId
    ? await findContact(db, conflict.otherContactId)
    : undefined;
  if (!contact) return { ok: false, reason: "not_found" };

  if (resolution === "keep_existing") {
    await runBatch(db, closeStatements(db, conflictId, resolution, [contact.id], actor));
    return { ok: true, contactId: contact.id };
  }
  if (resolution === "merge_contacts") {
    if (!other) return { ok: false, reason: "no_other_contact" };
    await runBatch(db, [
      ...mergeContactsStatements(db, contact, other, { conflictId }, userId, actor.now),
      db
        .update(formSubmissions)
        .set({ contactId: contact.id })
        .where(eq(formSubmissions.id, conflict.submissionId ?? "")),
      ...closeStatements(db, conflictId, resolution, [contact.id], actor),
    ]);
    return { ok: true, contactId: contact.id };
  }
  return linkSubmitted(db, conflict, contact.id, actor);
}

/** The fan moves to the contact of the key it submitted, made from the submission when none. */
async function linkSubmitted(
  db: Db,
  conflict: typeof contactConflicts.$inferSelect,
  previousContactId: string,
  actor: Actor,
): Promise<ResolveConflictResult> {
  const [submission] = conflict.submissionId
    ? await db.select().from(formSubmissions).where(eq(formSubmissions.id, conflict.submissionId))
    : [];
  const [form] = submission
    ? await db.select().from(forms).where(eq(forms.id, submission.formId))
    : [];
  const [fan] = await db.select().from(fans).where(eq(fans.id, conflict.fanId));
  if (!submission || !form || !fan) return { ok: false, reason: "submission_missing" };

  const values = submission.data as SubmissionValues;
  const patch = contactPatchFromValues(formFieldsOf(form), values);
  const keyValue = patch[form.keyField];
  const target =
    (conflict.otherContactId ? await findContact(db, conflict.otherContactId) : undefined) ??
    (keyValue ? await findContactByKey(db, form.keyField, keyValue) : undefined);
  const contactId = target?.id ?? newId("ct");
  const { patch: safePatch, differences } = await dropKeysOwnedElsewhere(
    db,
    form.keyField,
    patch,
    contactId,
  );
  const ctx: SubmissionContext = {
    submissionId: submission.id,
    formId: form.id,
    accountId: submission.accountId,
    qrcodeId: submission.qrcodeId,
    fanId: fan.id,
    now: actor.now,
  };
  const unlinked = {
    contactId: previousContactId,
    kind: "fan_unlinked" as const,
    details: { fanId: fan.id, conflictId: conflict.id },
    actorUserId: actor.userId,
  };
  await runBatch(db, [
    ...(target
      ? mergeContactStatements(db, target, safePatch, differences, submission.qrcodeId, ctx)
      : createContactStatements(db, contactId, safePatch, differences, submission.qrcodeId, ctx)),
    ...linkFanStatements(db, fan, contactId, ctx),
    ...contactEventStatements(db, [unlinked], actor.now),
    ...(await tagStatements(
      db,
      { form, fan, qrcodeId: submission.qrcodeId, values, clientHash: "" },
      contactId,
      !target,
      ctx,
    )),
    db.update(formSubmissions).set({ contactId }).where(eq(formSubmissions.id, submission.id)),
    ...closeStatements(db, conflict.id, "link_submitted", [previousContactId, contactId], actor),
  ]);
  return { ok: true, contactId };
}
