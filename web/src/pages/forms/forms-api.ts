import type { z } from "zod";
import type {
  createFormBodySchema,
  formFieldSchema,
  formNumbersSchema,
  formSchema,
  submissionListSchema,
  updateFormBodySchema,
} from "../../../../src/forms/schemas";
import { request } from "../../api/client";
import type { DayRange } from "../../api/stats";

// Typed by the server's own schemas (types only), like src/api/types.ts.
export type Form = z.infer<typeof formSchema>;
export type FormField = z.infer<typeof formFieldSchema>;
export type FormFieldType = FormField["type"];
export type CreateFormBody = z.input<typeof createFormBodySchema>;
export type UpdateFormBody = z.input<typeof updateFormBodySchema>;
export type SubmissionList = z.infer<typeof submissionListSchema>;
export type Submission = SubmissionList["submissions"][number];
export type FormNumbers = z.infer<typeof formNumbersSchema>;

const base = (accountId: string) => `/api/accounts/${accountId}/forms`;

export const listForms = (accountId: string, signal?: AbortSignal) =>
  request<{ forms: Form[] }>(base(accountId), { signal }).then((r) => r.forms);

export const getForm = (accountId: string, formId: string, signal?: AbortSignal) =>
  request<{ form: Form }>(`${base(accountId)}/${formId}`, { signal }).then((r) => r.form);

export const createForm = (accountId: string, body: CreateFormBody) =>
  request<{ form: Form }>(base(accountId), { method: "POST", json: body }).then((r) => r.form);

export const updateForm = (accountId: string, formId: string, body: UpdateFormBody) =>
  request<{ form: Form }>(`${base(accountId)}/${formId}`, { method: "PATCH", json: body }).then(
    (r) => r.form,
  );

export const deleteForm = (accountId: string, formId: string) =>
  request<void>(`${base(accountId)}/${formId}`, { method: "DELETE" });

export const listSubmissions = (
  accountId: string,
  formId: string,
  query: { page: number; pageSize: number },
  signal?: AbortSignal,
) => request<SubmissionList>(`${base(accountId)}/${formId}/submissions`, { query, signal });

export const getFormNumbers = (
  accountId: string,
  qrcodeId: string,
  range: DayRange,
  signal?: AbortSignal,
) =>
  request<{ numbers: FormNumbers }>(`/api/accounts/${accountId}/qrcodes/${qrcodeId}/form-stats`, {
    query: range,
    signal,
  }).then((r) => r.numbers);

/** The public page of a form, absolute, for copying into a post or a QR code. */
export const formPageUrl = (form: Pick<Form, "pagePath">) =>
  `${window.location.origin}${form.pagePath}`;
