import { z } from "@hono/zod-openapi";
import { nameText } from "../http/name-text";
import { rangeQuerySchema } from "../stats/schemas";

/**
 * A form as the operator builds it: an ordered list of fields, one of them
 * the contact key (mobile or email), the member tags a submission earns, and
 * what the fan sees afterwards. Validation lives here, at the API boundary.
 */

export const FORM_FIELD_TYPES = [
  "name",
  "mobile",
  "email",
  "single_choice",
  "multiple_choice",
  "text",
  "date",
  "consent",
] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** Field types that map onto a contact column; a form has at most one of each. */
export const CONTACT_FIELD_TYPES = ["name", "mobile", "email"] as const;

export const FORM_LANGUAGES = ["zh-CN", "en"] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];

const label = nameText(100);
const fieldId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, "Must start with a-z and use only a-z, 0-9 and _ (at most 32)")
  .openapi({ example: "mobile" });
const httpsUrl = z
  .url({ protocol: /^https$/, error: "Must be an https:// URL" })
  .max(2048)
  .openapi({ example: "https://example.com/privacy" });

const common = {
  id: fieldId,
  label,
  required: z.boolean().default(false),
  placeholder: z.string().trim().max(100).default(""),
};

const choiceOptions = z
  .array(z.string().trim().min(1, "Must not be empty").max(100))
  .min(2, "Give at least 2 options")
  .max(50)
  .refine((o) => new Set(o).size === o.length, "Options must be distinct");

export const formFieldSchema = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("name"), ...common }),
    z.object({ type: z.literal("mobile"), ...common }),
    z.object({ type: z.literal("email"), ...common }),
    z.object({ type: z.literal("single_choice"), ...common, options: choiceOptions }),
    z.object({ type: z.literal("multiple_choice"), ...common, options: choiceOptions }),
    z.object({ type: z.literal("text"), ...common, multiline: z.boolean().default(false) }),
    z.object({ type: z.literal("date"), ...common }),
    z.object({
      type: z.literal("consent"),
      ...common,
      required: z.boolean().default(true),
      /** The privacy statement the fan agrees to, shown beside the checkbox. */
      privacyText: z.string().trim().min(1, "Must not be empty").max(2000),
      privacyUrl: httpsUrl.nullable().default(null),
    }),
  ])
  .openapi("FormField");

export type FormField = z.infer<typeof formFieldSchema>;

const formShape = {
  name: label.openapi({ example: "Spring event sign-up" }),
  title: z.string().trim().max(100).default(""),
  description: z.string().trim().max(1000).default(""),
  fields: z.array(formFieldSchema).min(1, "Add at least one field").max(30),
  keyField: z.enum(["mobile", "email"]).default("mobile"),
  memberTagIds: z.array(z.string().min(1).max(64)).max(20).default([]),
  thankYouMessage: z.string().trim().max(500).default(""),
  /** Where the fan goes after submitting; https only, as WeChat's browser warns on http. */
  redirectUrl: httpsUrl.nullable().default(null),
  allowAnonymous: z.boolean().default(false),
  language: z.enum(FORM_LANGUAGES).default("zh-CN"),
  status: z.enum(["active", "archived"]).default("active"),
};

type FormShape = z.infer<z.ZodObject<typeof formShape>>;

/** Rules across fields: distinct ids, one field per contact column, the key field present. */
function checkFormFields(form: Pick<FormShape, "fields" | "keyField">, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  form.fields.forEach((f, i) => {
    if (seen.has(f.id)) {
      ctx.addIssue({ code: "custom", path: ["fields", i, "id"], message: `Duplicate id ${f.id}` });
    }
    seen.add(f.id);
  });
  for (const type of CONTACT_FIELD_TYPES) {
    if (form.fields.filter((f) => f.type === type).length > 1) {
      ctx.addIssue({ code: "custom", path: ["fields"], message: `At most one ${type} field` });
    }
  }
  if (!form.fields.some((f) => f.type === form.keyField)) {
    ctx.addIssue({
      code: "custom",
      path: ["keyField"],
      message: `The key field is ${form.keyField}, so the form must contain a ${form.keyField} field`,
    });
  }
}

export const createFormBodySchema = z
  .object(formShape)
  .superRefine(checkFormFields)
  .openapi("CreateFormBody");
export type CreateFormBody = z.infer<typeof createFormBodySchema>;

/** Every property optional; the merged form is checked again with the create rules. */
export const updateFormBodySchema = z
  .object({
    name: formShape.name.optional(),
    title: z.string().trim().max(100).optional(),
    description: z.string().trim().max(1000).optional(),
    fields: formShape.fields.optional(),
    keyField: z.enum(["mobile", "email"]).optional(),
    memberTagIds: z.array(z.string().min(1).max(64)).max(20).optional(),
    thankYouMessage: z.string().trim().max(500).optional(),
    redirectUrl: httpsUrl.nullable().optional(),
    allowAnonymous: z.boolean().optional(),
    language: z.enum(FORM_LANGUAGES).optional(),
    status: z.enum(["active", "archived"]).optional(),
  })
  .openapi("UpdateFormBody");
export type UpdateFormBody = z.infer<typeof updateFormBodySchema>;

/** The merged form of an update, checked with the rules a new form must meet. */
export const mergedFormSchema = z
  .object({ fields: formShape.fields, keyField: formShape.keyField })
  .superRefine(checkFormFields);

export const formSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    name: z.string(),
    title: z.string(),
    description: z.string(),
    fields: z.array(formFieldSchema),
    keyField: z.enum(["mobile", "email"]),
    memberTagIds: z.array(z.string()),
    thankYouMessage: z.string(),
    redirectUrl: z.string().nullable(),
    allowAnonymous: z.boolean(),
    language: z.enum(FORM_LANGUAGES),
    status: z.enum(["active", "archived"]),
    /** Path of the hosted page; prefix with the public origin. */
    pagePath: z.string(),
    views: z.number().int(),
    submissions: z.number().int(),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .openapi("Form");

export const formNumbersSchema = z
  .object({
    opened: z
      .number()
      .int()
      .openapi({ description: "Views of the form page that came from this code" }),
    submitted: z.number().int().openapi({ description: "Submissions that came from this code" }),
    matched: z
      .number()
      .int()
      .openapi({ description: "Distinct contacts those submissions were matched to or created" }),
  })
  .openapi("FormNumbers");

/** The same days as a code's statistics, so its form numbers sit beside its scan numbers. */
export const formStatsQuerySchema = rangeQuerySchema;

export const pageQuerySchema = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export const submissionsQuerySchema = z.object(pageQuerySchema);

export const submissionSchema = z
  .object({
    id: z.string(),
    formId: z.string(),
    qrcodeId: z.string().nullable(),
    fanId: z.string().nullable(),
    contactId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    outcome: z.enum(["matched", "created", "conflict", "anonymous"]),
    createdAt: z.number(),
  })
  .openapi("FormSubmission");

export const submissionListSchema = z.object({
  submissions: z.array(submissionSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
