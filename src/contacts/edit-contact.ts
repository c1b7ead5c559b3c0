import { eq } from "drizzle-orm";
import type { AuditStatement } from "../audit/record-audit";
import type { Db } from "../db/client";
import { contacts } from "../db/schema";
import type { ContactRow } from "./contact-patch";
import {
  contactEventStatements,
  findContact,
  findContactByKey,
  isUniqueViolation,
  runBatch,
} from "./contact-queries";
import type { UpdateContactBody } from "./schemas";

/** The audit entry of an edit, made from what changed, to go into the edit's own batch. */
export type EditAudit = (change: {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}) => AuditStatement;

export type EditContactResult =
  | { ok: true; contact: ContactRow }
  | { ok: false; reason: "key_taken"; field: "mobile" | "email"; otherContactId: string };

function changedColumns(contact: ContactRow, patch: UpdateContactBody) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const column of ["name", "mobile", "email"] as const) {
    const value = patch[column];
    if (value === undefined || value === contact[column]) continue;
    before[column] = contact[column];
    after[column] = value;
  }
  for (const [key, value] of Object.entries(patch.fields ?? {})) {
    const kept = contact.fields[key];
    if (JSON.stringify(kept) === JSON.stringify(value ?? undefined)) continue;
    before[`fields.${key}`] = kept ?? null;
    after[`fields.${key}`] = value;
  }
  return { before, after };
}

function mergedFields(current: Record<string, unknown>, patch: Record<string, unknown> = {}) {
  const out = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out;
}

/**
 * An operator's edit. Unlike a form submission it may overwrite: the
 * operator decided. The change, before and after, goes into the contact's
 * history as an `edited` event with the operator's id, in the same batch,
 * and so does the audit entry `audit` makes of it.
 */
export async function editContact(
  db: Db,
  contact: ContactRow,
  patch: UpdateContactBody,
  actorUserId: string,
  audit?: EditAudit,
  retried = false,
): Promise<EditContactResult> {
  for (const field of ["mobile", "email"] as const) {
    const value = patch[field];
    const owner = value ? await findContactByKey(db, field, value) : undefined;
    if (owner && owner.id !== contact.id) {
      return { ok: false, reason: "key_taken", field, otherContactId: owner.id };
    }
  }
  const { before, after } = changedColumns(contact, patch);
  if (!Object.keys(after).length) return { ok: true, contact };

  const now = Date.now();
  const update = db
    .update(contacts)
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.mobile !== undefined ? { mobile: patch.mobile } : {}),
      ...(patch.email !== undefined ? { email: patch.email } : {}),
      ...(patch.fields ? { fields: mergedFields(contact.fields, patch.fields) } : {}),
      updatedAt: now,
    })
    .where(eq(contacts.id, contact.id));
  const event = {
    contactId: contact.id,
    kind: "edited" as const,
    details: { before, after },
    actorUserId,
  };
  try {
    await runBatch(db, [
      update,
      ...contactEventStatements(db, [event], now),
      ...(audit ? [audit({ before, after })] : []),
    ]);
  } catch (err) {
    // Another contact took the key between the check and the write: check again, once.
    if (!isUniqueViolation(err) || retried) throw err;
    return editContact(db, contact, patch, actorUserId, audit, true);
  }
  const saved = await findContact(db, contact.id);
  if (!saved) throw new Error("contact vanished after edit");
  return { ok: true, contact: saved };
}
