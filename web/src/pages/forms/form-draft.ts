import type { CreateFormBody, Form, FormField, FormFieldType } from "./forms-api";

/**
 * The builder's working copy of a form. Choice options are edited as lines
 * of text and become a list only when saved, so typing a new line works.
 */
export type FieldDraft = {
  key: string;
  type: FormFieldType;
  id: string;
  label: string;
  required: boolean;
  placeholder: string;
  optionsText: string;
  multiline: boolean;
  privacyText: string;
  privacyUrl: string;
};

export type FormDraft = {
  name: string;
  title: string;
  description: string;
  fields: FieldDraft[];
  keyField: "mobile" | "email";
  memberTagIds: string[];
  thankYouMessage: string;
  redirectUrl: string;
  allowAnonymous: boolean;
  language: "zh-CN" | "en";
  status: "active" | "archived";
};

export const FIELD_TYPES: FormFieldType[] = [
  "name",
  "mobile",
  "email",
  "single_choice",
  "multiple_choice",
  "text",
  "date",
  "consent",
];

/** Name, mobile and email map onto the contact: one of each per form. */
export const SINGLE_USE: ReadonlySet<FormFieldType> = new Set(["name", "mobile", "email"]);

let keySeq = 0;
const nextKey = () => `f${++keySeq}`;

/** A field id the form does not use yet: the type itself for contact fields, else type_n. */
export function freeFieldId(type: FormFieldType, taken: string[]): string {
  if (SINGLE_USE.has(type) && !taken.includes(type)) return type;
  for (let n = 1; ; n++) {
    const id = `${type}_${n}`;
    if (!taken.includes(id)) return id;
  }
}

export function newField(type: FormFieldType, taken: string[], label: string): FieldDraft {
  return {
    key: nextKey(),
    type,
    id: freeFieldId(type, taken),
    label,
    required: type === "consent" || type === "mobile",
    placeholder: "",
    optionsText: "",
    multiline: false,
    privacyText: "",
    privacyUrl: "",
  };
}

function fieldToDraft(f: FormField): FieldDraft {
  return {
    key: nextKey(),
    type: f.type,
    id: f.id,
    label: f.label,
    required: f.required,
    placeholder: f.placeholder,
    optionsText: "options" in f ? f.options.join("\n") : "",
    multiline: "multiline" in f ? f.multiline : false,
    privacyText: "privacyText" in f ? f.privacyText : "",
    privacyUrl: "privacyUrl" in f ? (f.privacyUrl ?? "") : "",
  };
}

export function draftFromForm(form: Form): FormDraft {
  return {
    name: form.name,
    title: form.title,
    description: form.description,
    fields: form.fields.map(fieldToDraft),
    keyField: form.keyField,
    memberTagIds: form.memberTagIds,
    thankYouMessage: form.thankYouMessage,
    redirectUrl: form.redirectUrl ?? "",
    allowAnonymous: form.allowAnonymous,
    language: form.language,
    status: form.status,
  };
}

export function emptyDraft(labels: Record<"name" | "mobile", string>): FormDraft {
  const name = newField("name", [], labels.name);
  const mobile = newField("mobile", ["name"], labels.mobile);
  return {
    name: "",
    title: "",
    description: "",
    fields: [{ ...name, required: true }, mobile],
    keyField: "mobile",
    memberTagIds: [],
    thankYouMessage: "",
    redirectUrl: "",
    allowAnonymous: false,
    language: "zh-CN",
    status: "active",
  };
}

type FieldBody = CreateFormBody["fields"][number];

function fieldBody(d: FieldDraft): FieldBody {
  const common = { id: d.id, label: d.label, required: d.required, placeholder: d.placeholder };
  const options = d.optionsText
    .split("\n")
    .map((o) => o.trim())
    .filter(Boolean);
  switch (d.type) {
    case "single_choice":
    case "multiple_choice":
      return { type: d.type, ...common, options };
    case "text":
      return { type: "text", ...common, multiline: d.multiline };
    case "consent":
      return {
        type: "consent",
        ...common,
        privacyText: d.privacyText,
        privacyUrl: d.privacyUrl || null,
      };
    default:
      return { type: d.type, ...common };
  }
}

/** The request body; the server checks everything and names the field that is wrong. */
export function draftToBody(d: FormDraft): CreateFormBody {
  return {
    name: d.name,
    title: d.title,
    description: d.description,
    fields: d.fields.map(fieldBody),
    keyField: d.keyField,
    memberTagIds: d.memberTagIds,
    thankYouMessage: d.thankYouMessage,
    redirectUrl: d.redirectUrl.trim() || null,
    allowAnonymous: d.allowAnonymous,
    language: d.language,
    status: d.status,
  };
}
