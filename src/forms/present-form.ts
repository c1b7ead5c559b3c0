import type { forms } from "../db/schema";
import type { FormField } from "./schemas";

export type FormRow = typeof forms.$inferSelect;

/** Fields are validated by `formFieldSchema` before they are stored, so the stored shape is that. */
export function formFieldsOf(form: Pick<FormRow, "fields">): FormField[] {
  return form.fields as FormField[];
}

export function formPagePath(formId: string): string {
  return `/f/${encodeURIComponent(formId)}`;
}

/** The API view of a form, with its view and submission counts. */
export function presentForm(form: FormRow, counts: { views: number; submissions: number }) {
  return {
    id: form.id,
    accountId: form.accountId,
    name: form.name,
    title: form.title,
    description: form.description,
    fields: formFieldsOf(form),
    keyField: form.keyField,
    memberTagIds: form.memberTagIds,
    thankYouMessage: form.thankYouMessage,
    redirectUrl: form.redirectUrl,
    allowAnonymous: form.allowAnonymous,
    language: form.language,
    status: form.status,
    pagePath: formPagePath(form.id),
    views: counts.views,
    submissions: counts.submissions,
    createdAt: form.createdAt,
    updatedAt: form.updatedAt,
  };
}
