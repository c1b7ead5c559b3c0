import { z } from "@hono/zod-openapi";
import { FAN_SEGMENTS, rangeFields } from "../stats/schemas";

const exportFields = {
  format: z.enum(["xlsx", "csv"]).default("xlsx"),
  language: z
    .enum(["zh-CN", "en"])
    .default("zh-CN")
    .openapi({ description: "Language of the column headers" }),
};

const rangeShape = rangeFields;

export const fansExportBodySchema = z
  .object({ ...exportFields, ...rangeShape, segment: z.enum(FAN_SEGMENTS).default("all") })
  .refine((b) => !b.from || !b.to || b.from <= b.to, {
    message: "from must not be after to",
    path: ["from"],
  })
  .openapi("FansExportRequest");

export const scansExportBodySchema = z
  .object({
    ...exportFields,
    ...rangeShape,
    qrcodeIds: z.array(z.string().min(1).max(64)).min(1).max(500),
  })
  .refine((b) => !b.from || !b.to || b.from <= b.to, {
    message: "from must not be after to",
    path: ["from"],
  })
  .openapi("ScansExportRequest");

export type FansExportParams = z.infer<typeof fansExportBodySchema> & { qrcodeId: string };
export type ScansExportParams = z.infer<typeof scansExportBodySchema>;

/** Job params as stored; read back with these schemas when the job runs. */
export const fansExportParamsSchema = z.object({
  ...exportFields,
  ...rangeShape,
  segment: z.enum(FAN_SEGMENTS),
  qrcodeId: z.string(),
});
export const scansExportParamsSchema = z.object({
  ...exportFields,
  ...rangeShape,
  qrcodeIds: z.array(z.string()),
});
