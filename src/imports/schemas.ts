import { z } from "@hono/zod-openapi";
import { codeSettingsSchema } from "../qrcodes/schemas";

export const IMPORT_PROBLEMS = [
  "empty_name",
  "name_too_long",
  "duplicate_in_file",
  "duplicate_existing",
  "unknown_fan_tag",
  "unknown_member_tag",
] as const;
export type ImportProblem = (typeof IMPORT_PROBLEMS)[number];

/** Problems that make a row impossible to create; the others only warn. */
export const BLOCKING_PROBLEMS: ReadonlySet<ImportProblem> = new Set([
  "empty_name",
  "name_too_long",
  "unknown_fan_tag",
  "unknown_member_tag",
]);

export const importRowSchema = z
  .object({
    row: z.number().int().openapi({ description: "Row number as a spreadsheet shows it" }),
    name: z.string(),
    group: z.string(),
    fanTags: z.array(z.string()),
    memberTags: z.array(z.string()),
    problems: z.array(z.enum(IMPORT_PROBLEMS)),
    duplicateOfRow: z.number().int().optional(),
  })
  .openapi("ImportRow");
export type ImportRow = z.infer<typeof importRowSchema>;

export const importPreviewSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    format: z.enum(["csv", "xlsx"]),
    encoding: z.string().nullable(),
    hasHeader: z.boolean(),
    total: z.number().int(),
    problemCount: z.number().int(),
    rows: z.array(importRowSchema),
    jobId: z.string().nullable().openapi({ description: "Set once the import was confirmed" }),
    createdAt: z.number(),
  })
  .openapi("ImportPreview");
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** The upload: one `file` field, CSV or XLSX. */
export const importUploadSchema = z.object({
  file: z.file().openapi({ type: "string", format: "binary" }),
});

export const confirmImportBodySchema = codeSettingsSchema
  .extend({
    skipProblemRows: z.boolean().default(true).openapi({
      description:
        "Skip rows with any problem; when false, duplicates are created and only rows that cannot be created fail",
    }),
  })
  .superRefine((body, ctx) => {
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
  })
  .openapi("ConfirmImportBody");
export type ConfirmImportInput = z.infer<typeof confirmImportBodySchema>;
