import { normalizeEmail, normalizeMobile } from "../contacts/normalize-key";
import type { FormField } from "./schemas";

export type FieldError =
  | "required"
  | "invalid_mobile"
  | "invalid_email"
  | "invalid_option"
  | "invalid_date"
  | "too_long"
  | "consent_required";

/** What a fan submitted, cleaned: only fields with a value, keyed by field id. */
export type SubmissionValues = Record<string, string | string[] | boolean>;

export type ValidationResult =
  | { ok: true; values: SubmissionValues }
  | { ok: false; errors: Record<string, FieldError> };

const MAX_LENGTH: Partial<Record<FormField["type"], number>> = { name: 100, text: 2000 };

function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && y <= 2100 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

type Checked = { value?: string | string[] | boolean; error?: FieldError };

function checkField(field: FormField, raw: string[], required: boolean): Checked {
  const first = (raw[0] ?? "").trim();
  switch (field.type) {
    case "multiple_choice": {
      const picked = [...new Set(raw.map((r) => r.trim()).filter(Boolean))];
      if (picked.some((p) => !field.options.includes(p))) return { error: "invalid_option" };
      if (!picked.length) return required ? { error: "required" } : {};
      return { value: picked };
    }
    case "consent":
      if (first === "") return required ? { error: "consent_required" } : {};
      return { value: true };
    default:
      break;
  }
  if (first === "") return required ? { error: "required" } : {};
  const max = MAX_LENGTH[field.type];
  if (max !== undefined && first.length > max) return { error: "too_long" };

  switch (field.type) {
    case "mobile": {
      const mobile = normalizeMobile(first);
      return mobile ? { value: mobile } : { error: "invalid_mobile" };
    }
    case "email": {
      const email = normalizeEmail(first);
      return email ? { value: email } : { error: "invalid_email" };
    }
    case "single_choice":
      return field.options.includes(first) ? { value: first } : { error: "invalid_option" };
    case "date":
      return isCalendarDate(first) ? { value: first } : { error: "invalid_date" };
    default:
      return { value: first };
  }
}

/**
 * Checks a submission against the form. `read` returns every value sent
 * under a name (a multiple choice sends several). The key field is always
 * required, whatever the operator ticked: without it there is no contact.
 */
export function validateSubmission(
  fields: readonly FormField[],
  keyField: "mobile" | "email",
  read: (name: string) => string[],
): ValidationResult {
  const values: SubmissionValues = {};
  const errors: Record<string, FieldError> = {};
  for (const field of fields) {
    const required = field.required || field.type === keyField;
    const checked = checkField(field, read(field.id), required);
    if (checked.error) errors[field.id] = checked.error;
    else if (checked.value !== undefined) values[field.id] = checked.value;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, values };
}
