import { type FormRow, formFieldsOf } from "../forms/present-form";
import type { FormField, FormLanguage } from "../forms/schemas";
import type { FieldError } from "../forms/validate-submission";
import { html, type SafeHtml, trusted } from "./html";
import { type PageStrings, pageStrings } from "./page-strings";
import { PAGE_STYLES } from "./page-styles";

/** The hidden input carrying the fan token; field ids cannot start with `_`, so it never collides. */
export const TOKEN_INPUT = "_t";

export type RawValues = Record<string, string[]>;

export type FormPageOptions = {
  form: FormRow;
  /** The signed fan token to carry through the POST, or null when anonymous. */
  token: string | null;
  values?: RawValues;
  errors?: Record<string, FieldError>;
  /** A banner above the fields (a failed submission, an expired link). */
  notice?: string;
};

export function pageLayout(language: FormLanguage, title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="${language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,viewport-fit=cover">
<meta name="referrer" content="no-referrer">
<title>${title}</title>${PAGE_STYLES}</head>
<body><main>${body}</main></body></html>`.value;
}

export function renderMessagePage(language: FormLanguage, title: string, message: string): string {
  return pageLayout(
    language,
    title,
    html`<div class="card message"><h1>${title}</h1><p class="desc">${message}</p></div>`,
  );
}

const INPUT_TYPES: Partial<Record<FormField["type"], { type: string; extra: string }>> = {
  name: { type: "text", extra: 'autocomplete="name" maxlength="100"' },
  mobile: { type: "tel", extra: 'autocomplete="tel" inputmode="tel" maxlength="20"' },
  email: { type: "email", extra: 'autocomplete="email" inputmode="email" maxlength="254"' },
  text: { type: "text", extra: 'maxlength="2000"' },
  date: { type: "date", extra: 'min="1900-01-01" max="2100-12-31"' },
};

function fieldControl(field: FormField, raw: string[], required: boolean): SafeHtml {
  const req = required ? html` required` : "";
  if (field.type === "single_choice" || field.type === "multiple_choice") {
    const type = field.type === "single_choice" ? "radio" : "checkbox";
    return html`${field.options.map(
      (option, i) =>
        html`<label class="choice" for="${field.id}-${i}"><input type="${type}" id="${field.id}-${i}" name="${field.id}" value="${option}"${raw.includes(option) ? html` checked` : ""}${type === "radio" ? req : ""}><span>${option}</span></label>`,
    )}`;
  }
  if (field.type === "consent") {
    const link = field.privacyUrl
      ? html` <a href="${field.privacyUrl}" rel="noopener noreferrer">${field.privacyUrl}</a>`
      : "";
    return html`<div class="privacy">${field.privacyText}${link}</div><label class="choice" for="${field.id}"><input type="checkbox" id="${field.id}" name="${field.id}" value="yes"${raw.length ? html` checked` : ""}${req}><span>${field.label}</span></label>`;
  }
  const value = raw[0] ?? "";
  if (field.type === "text" && field.multiline) {
    return html`<textarea id="${field.id}" name="${field.id}" maxlength="2000" placeholder="${field.placeholder}"${req}>${value}</textarea>`;
  }
  const input = INPUT_TYPES[field.type] ?? { type: "text", extra: "" };
  return html`<input type="${input.type}" id="${field.id}" name="${field.id}" value="${value}" placeholder="${field.placeholder}" ${trusted(input.extra)}${req}>`;
}

function renderField(
  field: FormField,
  keyField: "mobile" | "email",
  raw: string[],
  error: FieldError | undefined,
  t: PageStrings,
): SafeHtml {
  const required = field.required || field.type === keyField;
  const tag = html`<span class="tag">${required ? t.required : t.optional}</span>`;
  const message = error ? html`<p class="error" id="${field.id}-error">${t.errors[error]}</p>` : "";
  const grouped = field.type === "single_choice" || field.type === "multiple_choice";
  const cls = error ? "field invalid" : "field";
  if (grouped) {
    return html`<fieldset class="${cls}"><legend>${field.label}${tag}</legend>${fieldControl(field, raw, required)}${message}</fieldset>`;
  }
  const heading =
    field.type === "consent" ? "" : html`<label for="${field.id}">${field.label}${tag}</label>`;
  return html`<div class="${cls}">${heading}${fieldControl(field, raw, required)}${message}</div>`;
}

/** The whole page of a form: a plain POST form that works without JavaScript. */
export function renderFormPage(options: FormPageOptions): string {
  const { form } = options;
  const t = pageStrings(form.language);
  const values = options.values ?? {};
  const errors = options.errors ?? {};
  const title = form.title || form.name;
  const token = options.token
    ? html`<input type="hidden" name="${TOKEN_INPUT}" value="${options.token}">`
    : "";
  const banner = options.notice ? html`<p class="banner" role="alert">${options.notice}</p>` : "";
  const fields = formFieldsOf(form).map((f) =>
    renderField(f, form.keyField, values[f.id] ?? [], errors[f.id], t),
  );
  const body = html`<div class="card"><h1>${title}</h1>${form.description ? html`<p class="desc">${form.description}</p>` : ""}${banner}<form method="post" accept-charset="utf-8" novalidate>${token}${fields}<button type="submit">${t.submit}</button></form></div>`;
  return pageLayout(form.language, title, body);
}
