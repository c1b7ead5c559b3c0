import { z } from "@hono/zod-openapi";
import { normalizeEmail, normalizeMobile } from "./normalize-key";

const id = (example: string) => z.string().min(1).max(64).openapi({ example });

export const contactsQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .openapi({ description: "Part of a name, mobile or email" }),
  memberTagId: z.string().max(64).optional(),
  qrcodeId: z.string().max(64).optional().openapi({ description: "Contacts this code brought" }),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ContactsQuery = z.infer<typeof contactsQuerySchema>;

export const memberTagRefSchema = z
  .object({ id: z.string(), name: z.string(), color: z.string() })
  .openapi("MemberTagRef");

export const contactSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    mobile: z.string().nullable(),
    email: z.string().nullable(),
    fields: z.record(z.string(), z.unknown()),
    sourceQrcodeId: z.string().nullable(),
    tags: z.array(memberTagRefSchema),
    fanCount: z.number().int(),
    createdAt: z.number(),
    updatedAt: z.number(),
    erasedAt: z.number().nullable().openapi({
      description: "When the personal data was erased; an erased contact keeps only its id",
    }),
  })
  .openapi("ContactSummary");

export const contactListSchema = z.object({
  contacts: z.array(contactSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const contactEventSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    details: z.record(z.string(), z.unknown()),
    actorUserId: z.string().nullable(),
    createdAt: z.number(),
  })
  .openapi("ContactEvent");

export const contactDetailSchema = z
  .object({
    contact: contactSummarySchema,
    fans: z.array(
      z.object({
        id: z.string(),
        accountId: z.string(),
        openid: z.string(),
        following: z.boolean(),
        remark: z.string(),
        sourceQrcodeId: z.string().nullable(),
        lastFollowedAt: z.number().nullable(),
      }),
    ),
    scans: z.array(
      z.object({
        id: z.number(),
        accountId: z.string(),
        qrcodeId: z.string().nullable(),
        qrcodeName: z.string().nullable(),
        fanId: z.string(),
        event: z.string(),
        isNewFollower: z.boolean(),
        occurredAt: z.number(),
      }),
    ),
    submissions: z.array(
      z.object({
        id: z.string(),
        formId: z.string(),
        formName: z.string().nullable(),
        qrcodeId: z.string().nullable(),
        fanId: z.string().nullable(),
        outcome: z.string(),
        data: z.record(z.string(), z.unknown()),
        createdAt: z.number(),
      }),
    ),
    fieldLabels: z.record(z.string(), z.string()).openapi({
      description: "Labels of the form fields the contact's `fields` are keyed by",
      example: { session: "场次" },
    }),
    events: z.array(contactEventSchema),
    openConflictIds: z.array(z.string()),
  })
  .openapi("ContactDetail");

const mobileInput = z
  .string()
  .transform((v, ctx) => {
    const mobile = normalizeMobile(v);
    if (!mobile)
      ctx.addIssue({ code: "custom", message: "Must be a mainland China mobile number" });
    return mobile ?? "";
  })
  .nullable();

const emailInput = z
  .string()
  .transform((v, ctx) => {
    const email = normalizeEmail(v);
    if (!email) ctx.addIssue({ code: "custom", message: "Must be an email address" });
    return email ?? "";
  })
  .nullable();

/**
 * A field holds what a form answer can be: text, a number, yes or no, or
 * chosen options; null removes it. Nothing nested: the fields are merged
 * with SQLite's JSON functions, which refuse deep nesting, and a contact
 * stored that way would break the contact list for everyone.
 */
const contactFieldValue = z
  .union([
    z.string().max(2000),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(z.string().max(500)).max(50),
  ])
  .openapi({ description: "Text, number, boolean, a list of texts, or null to remove" });

export const updateContactBodySchema = z
  .object({
    name: z.string().trim().max(100).optional(),
    mobile: mobileInput.optional().openapi({ type: "string", example: "13800138000" }),
    email: emailInput.optional().openapi({ type: "string", example: "li@example.cn" }),
    /** Answers by field id; null removes one. */
    fields: z
      .record(z.string().regex(/^[a-z][a-z0-9_]{0,31}$/), contactFieldValue)
      .optional()
      .refine((f) => !f || Object.keys(f).length <= 50, "At most 50 fields at once"),
  })
  .refine((b) => Object.keys(b).length > 0, "Give at least one of name, mobile, email, fields")
  .openapi("UpdateContactBody");
export type UpdateContactBody = z.infer<typeof updateContactBodySchema>;

export const contactTagsBodySchema = z
  .object({ memberTagIds: z.array(id("mt_k3j9x0a1b2c3d4e5")).min(1).max(50) })
  .openapi("ContactTagsBody");

export const CONFLICT_RESOLUTIONS = ["keep_existing", "link_submitted", "merge_contacts"] as const;
export type ConflictResolution = (typeof CONFLICT_RESOLUTIONS)[number];

export const resolveConflictBodySchema = z
  .object({
    resolution: z.enum(CONFLICT_RESOLUTIONS).openapi({
      description:
        "keep_existing: the fan stays with its contact and the submitted key is dropped. " +
        "link_submitted: the fan moves to the contact of the submitted key (made from the submission when none). " +
        "merge_contacts: the other contact is merged into the fan's contact (only when the key belongs to another contact).",
    }),
  })
  .openapi("ResolveConflictBody");

export const conflictsQuerySchema = z.object({
  status: z.enum(["open", "resolved"]).default("open"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const contactBrief = z.object({
  id: z.string(),
  name: z.string(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
});

export const conflictSchema = z
  .object({
    id: z.string(),
    status: z.enum(["open", "resolved"]),
    fan: z.object({
      id: z.string(),
      accountId: z.string(),
      openid: z.string().openapi({ description: "Empty once the fan was erased" }),
      erased: z.boolean(),
    }),
    contact: contactBrief.nullable(),
    otherContact: contactBrief.nullable(),
    submission: z
      .object({
        id: z.string(),
        formId: z.string(),
        data: z.record(z.string(), z.unknown()),
        createdAt: z.number(),
      })
      .nullable(),
    resolution: z.string().nullable(),
    resolvedAt: z.number().nullable(),
    createdAt: z.number(),
  })
  .openapi("ContactConflict");

export const contactsExportBodySchema = contactsQuerySchema
  .omit({ page: true, pageSize: true })
  .openapi("ContactsExportBody");
