import { z } from "zod";
import { QR_KINDS } from "../db/schema";

/**
 * The params of a `qrcode_batch_create` job, checked when the runner reads
 * them back from D1. Scenes were reserved as one block at confirmation: row
 * `i` (0-based, in file order) always gets scene `firstScene + i`, so a
 * resumed job asks WeChat again for the same scene, never for a new one.
 */
export const batchCreateParamsSchema = z.object({
  importId: z.string(),
  fileName: z.string(),
  firstScene: z.number().int().positive(),
  skipProblemRows: z.boolean(),
  settings: z.object({
    kind: z.enum(QR_KINDS),
    validityDays: z.number().int().nullable(),
    groupId: z.string().nullable(),
    fanTagIds: z.array(z.number().int()),
    memberTagIds: z.array(z.string()),
    reply: z.array(z.looseObject({ type: z.string() })),
    autoRenew: z.boolean(),
    formId: z.string().nullable(),
  }),
});
export type BatchCreateParams = z.infer<typeof batchCreateParamsSchema>;

/** What one job item holds: the row's own values, resolved to ids. */
export const batchItemInputSchema = z.object({
  row: z.number().int(),
  name: z.string(),
  groupId: z.string().nullable(),
  fanTagIds: z.array(z.number().int()),
  memberTagIds: z.array(z.string()),
});
export type BatchItemInput = z.infer<typeof batchItemInputSchema>;

/** A failed row, as job_items.error (JSON) and the job result list it. */
export type BatchRowFailure = { row: number; name: string; errcode: number | null; reason: string };
