import type { ContactRow } from "./contact-patch";

/**
 * Where a submission goes. A fan already linked to one contact who submits
 * a key that belongs elsewhere (another contact, or a different value than
 * the one on file) is a conflict for an operator, never a silent merge.
 */
export type SubmissionTarget =
  | { kind: "create" }
  | { kind: "merge"; contact: ContactRow }
  | { kind: "conflict"; contact: ContactRow; other: ContactRow | null };

export function decideSubmissionTarget(
  keyField: "mobile" | "email",
  keyValue: string,
  byKey: ContactRow | undefined,
  fanContact: ContactRow | undefined,
): SubmissionTarget {
  if (fanContact) {
    if (byKey && byKey.id !== fanContact.id) {
      return { kind: "conflict", contact: fanContact, other: byKey };
    }
    const onFile = fanContact[keyField];
    if (!byKey && onFile && onFile !== keyValue) {
      return { kind: "conflict", contact: fanContact, other: null };
    }
    return { kind: "merge", contact: fanContact };
  }
  return byKey ? { kind: "merge", contact: byKey } : { kind: "create" };
}
