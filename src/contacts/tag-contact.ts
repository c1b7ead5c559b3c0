import type { AuditStatement } from "../audit/record-audit";
import type { Db } from "../db/client";
import { contactEventStatements, runBatch } from "./contact-queries";
import { addTagStatements, contactTagIds, removeTagStatement } from "./contact-tags";
import { findMissingMemberTags } from "./member-tag-lookup";

export type TagContactResult =
  | { ok: true; memberTagIds: string[] }
  | { ok: false; reason: "unknown_member_tags"; ids: string[] };

/** The audit entry of a tag change from the tags before and after, for the change's batch. */
export type TagAudit = (before: string[], after: string[]) => AuditStatement;

/** An operator adds member tags to a contact; only the new ones are recorded as `tagged`. */
export async function addContactTags(
  db: Db,
  contactId: string,
  memberTagIds: string[],
  actorUserId: string,
  audit?: TagAudit,
): Promise<TagContactResult> {
  const missing = await findMissingMemberTags(db, memberTagIds);
  if (missing.length) return { ok: false, reason: "unknown_member_tags", ids: missing };
  const current = await contactTagIds(db, contactId);
  const has = new Set(current);
  const added = [...new Set(memberTagIds)].filter((id) => !has.has(id));
  if (added.length) {
    const now = Date.now();
    const event = {
      contactId,
      kind: "tagged" as const,
      details: { memberTagIds: added, source: "operator" },
      actorUserId,
    };
    await runBatch(db, [
      ...addTagStatements(db, contactId, added, now),
      ...contactEventStatements(db, [event], now),
      ...(audit ? [audit(current, [...current, ...added])] : []),
    ]);
  }
  return { ok: true, memberTagIds: await contactTagIds(db, contactId) };
}

/** Removes one member tag from a contact; false when the contact did not have it. */
export async function removeContactTag(
  db: Db,
  contactId: string,
  memberTagId: string,
  actorUserId: string,
  audit?: TagAudit,
): Promise<boolean> {
  const current = await contactTagIds(db, contactId);
  if (!current.includes(memberTagId)) return false;
  const now = Date.now();
  const event = {
    contactId,
    kind: "untagged" as const,
    details: { memberTagIds: [memberTagId] },
    actorUserId,
  };
  await runBatch(db, [
    removeTagStatement(db, contactId, [memberTagId]),
    ...contactEventStatements(db, [event], now),
    ...(audit
      ? [
          audit(
            current,
            current.filter((id) => id !== memberTagId),
          ),
        ]
      : []),
  ]);
  return true;
}
