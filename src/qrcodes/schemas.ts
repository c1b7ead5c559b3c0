import { z } from "@hono/zod-openapi";
import { QR_KINDS } from "../db/schema";
import { nameText } from "../http/name-text";
import { replySchema } from "../replies/schemas";

export const QR_STATES = ["active", "expiring", "expired", "archived"] as const;
export type QrState = (typeof QR_STATES)[number];

const codeName = nameText(64).openapi({ example: "Shanghai store counter" });
const groupId = z.string().min(1).max(64);
const newGroupName = z.string().trim().min(1).max(64);
const fanTagIds = z.array(z.number().int().nonnegative()).max(20);
const memberTagIds = z.array(z.string().min(1).max(64)).max(50);
const validityDays = z.number().int().min(1).max(30);

/** All-time numbers of a code, as the statistics domain defines them (PRODUCT.md). */
export const codeNumbersSchema = z
  .object({
    scans: z.number().int(),
    scanners: z.number().int(),
    newFollowers: z.number().int(),
    oldFans: z.number().int(),
    unfollows: z.number().int(),
    netNewFollowers: z.number().int(),
  })
  .openapi("QrCodeNumbers");

export const qrCodeSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    name: z.string(),
    kind: z.enum(QR_KINDS),
    scene: z.string().openapi({ description: "What WeChat hands back on every scan" }),
    actionName: z.string(),
    ticket: z.string().nullable(),
    url: z.string().nullable().openapi({ description: "The content of the QR image" }),
    expiresAt: z.number().nullable(),
    validityDays: z.number().int().nullable(),
    autoRenew: z.boolean(),
    state: z.enum(QR_STATES),
    groupId: z.string().nullable(),
    groupName: z.string().nullable(),
    fanTagIds: z.array(z.number().int()),
    memberTagIds: z.array(z.string()),
    reply: z.array(z.record(z.string(), z.unknown())),
    formId: z.string().nullable(),
    liveUrl: z.string().openapi({ description: "Stable public image URL that always scans" }),
    numbers: codeNumbersSchema.nullable(),
    renewedAt: z.number().nullable(),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .openapi("QrCode");

/** Settings every code has, whether made alone or by a batch. */
export const codeSettingsSchema = z.object({
  kind: z.enum(QR_KINDS),
  validityDays: validityDays
    .optional()
    .openapi({ description: "Temporary codes: 1 to 30 days, default 30" }),
  groupId: groupId.optional(),
  newGroupName: newGroupName.optional(),
  fanTagIds: fanTagIds.default([]),
  memberTagIds: memberTagIds.default([]),
  reply: replySchema.default([]),
  autoRenew: z.boolean().default(false),
  formId: z.string().min(1).max(64).optional(),
});

function refineSettings(
  body: { kind: string; validityDays?: number; groupId?: string; newGroupName?: string },
  ctx: z.RefinementCtx,
) {
  if (body.groupId && body.newGroupName) {
    ctx.addIssue({
      code: "custom",
      path: ["newGroupName"],
      message: "Give groupId or newGroupName, not both",
    });
  }
  if (body.kind === "permanent" && body.validityDays !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["validityDays"],
      message: "Permanent codes do not expire",
    });
  }
}

export const createQrCodeBodySchema = codeSettingsSchema
  .extend({ name: codeName })
  .superRefine(refineSettings)
  .openapi("CreateQrCodeBody");

export type CodeSettingsInput = z.infer<typeof codeSettingsSchema>;
export type CreateQrCodeInput = z.infer<typeof createQrCodeBodySchema>;

export const updateQrCodeBodySchema = z
  .object({
    name: codeName.optional(),
    validityDays: validityDays
      .optional()
      .openapi({ description: "Temporary codes: used from the next renewal" }),
    groupId: groupId.nullable().optional(),
    newGroupName: newGroupName.optional(),
    fanTagIds: fanTagIds.optional(),
    memberTagIds: memberTagIds.optional(),
    reply: replySchema.optional(),
    autoRenew: z.boolean().optional(),
    formId: z.string().min(1).max(64).nullable().optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.groupId !== undefined && body.newGroupName) {
      ctx.addIssue({
        code: "custom",
        path: ["newGroupName"],
        message: "Give groupId or newGroupName, not both",
      });
    }
  })
  .openapi("UpdateQrCodeBody");

export type UpdateQrCodeInput = z.infer<typeof updateQrCodeBodySchema>;

export const QR_SORTS = ["createdAt", "name", "expiresAt", "scanners", "newFollowers"] as const;
export type QrSort = (typeof QR_SORTS)[number];

export const listQrCodesQuerySchema = z.object({
  q: z.string().trim().max(64).optional().openapi({ description: "Part of the name" }),
  groupId: z
    .string()
    .max(64)
    .optional()
    .openapi({ description: "A group id, or `none` for codes in no group" }),
  kind: z.enum(QR_KINDS).optional(),
  status: z
    .enum(QR_STATES)
    .optional()
    .openapi({ description: "expiring = temporary codes that expire within 3 days" }),
  sort: z.enum(QR_SORTS).default("createdAt"),
  order: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export type ListQrCodesQuery = z.infer<typeof listQrCodesQuerySchema>;
/** A list filter without paging, as the batch download takes it. */
export const qrCodeFilterSchema = listQrCodesQuerySchema.pick({
  q: true,
  groupId: true,
  kind: true,
  status: true,
});
export type QrCodeFilter = z.infer<typeof qrCodeFilterSchema>;

export const qrCodeIdsBodySchema = z
  .object({ ids: z.array(z.string().min(1).max(64)).min(1).max(500) })
  .openapi("QrCodeIds");

export const moveQrCodesBodySchema = z
  .object({
    ids: z.array(z.string().min(1).max(64)).min(1).max(500),
    groupId: groupId.nullable().openapi({ description: "Target group, or null for no group" }),
  })
  .openapi("MoveQrCodesBody");
