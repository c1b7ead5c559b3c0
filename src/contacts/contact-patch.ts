import type { contacts } from "../db/schema";
import type { FormField } from "../forms/schemas";
import type { SubmissionValues } from "../forms/validate-submission";

export type ContactRow = typeof contacts.$inferSelect;
export type ContactColumn = "name" | "mobile" | "email";

/** What a submission offers a contact: its three columns and the other answers by field id. */
export type ContactPatch = {
  name?: string;
  mobile?: string;
  email?: string;
  fields: Record<string, unknown>;
};

export type FieldDifference = {
  field: string;
  kept: unknown;
  offered: unknown;
  /** Set when the offered mobile or email already belongs to this other contact. */
  ownedByContactId?: string;
};

export function contactPatchFromValues(
  formFields: readonly FormField[],
  values: SubmissionValues,
): ContactPatch {
  const patch: ContactPatch = { fields: {} };
  for (const field of formFields) {
    const value = values[field.id];
    if (value === undefined) continue;
    if (field.type === "name" || field.type === "mobile" || field.type === "email") {
      if (typeof value === "string") patch[field.type] = value;
    } else {
      patch.fields[field.id] = value;
    }
  }
  return patch;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Which offered values fill an empty place of the contact, and which differ
 * from a value it already has. A filled value is never overwritten: the
 * difference is returned so it can be recorded as a `field_conflict`.
 */
export function planFill(existing: ContactRow, patch: ContactPatch) {
  const filled: string[] = [];
  const differences: FieldDifference[] = [];
  const consider = (field: string, kept: unknown, offered: unknown) => {
    if (isEmpty(offered)) return;
    if (isEmpty(kept)) filled.push(field);
    else if (!same(kept, offered)) differences.push({ field, kept, offered });
  };
  for (const column of ["name", "mobile", "email"] as const) {
    consider(column, existing[column], patch[column]);
  }
  for (const [key, offered] of Object.entries(patch.fields)) {
    consider(`fields.${key}`, existing.fields[key], offered);
  }
  return { filled, differences };
}
