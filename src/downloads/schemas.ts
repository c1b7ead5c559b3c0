import { z } from "@hono/zod-openapi";
import { QR_SIZE_MAX, QR_SIZE_MIN } from "../images/qr-layout";
import { IMAGE_FORMATS } from "../qrcodes/render-code-image";
import { qrCodeFilterSchema } from "../qrcodes/schemas";

/** A ZIP holds at most this many codes: 10,000 PNGs at 1280 px are about 17 MB. */
export const MAX_ZIP_CODES = 10_000;

export const createDownloadBodySchema = z
  .object({
    ids: z.array(z.string().min(1).max(64)).min(1).max(1000).optional(),
    groupId: z.string().min(1).max(64).optional().openapi({ description: "A group id, or `none`" }),
    filter: qrCodeFilterSchema.optional().openapi({ description: "The list's filter" }),
    format: z.enum(IMAGE_FORMATS).default("png"),
    size: z.number().int().min(QR_SIZE_MIN).max(QR_SIZE_MAX).optional(),
    cm: z
      .number()
      .min(0.5)
      .max(33)
      .optional()
      .openapi({ description: "At 300 dpi; overrides size" }),
    caption: z.boolean().default(false),
  })
  .superRefine((body, ctx) => {
    const given = [body.ids, body.groupId, body.filter].filter((v) => v !== undefined).length;
    if (given !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["ids"],
        message: "Give exactly one of ids, groupId or filter",
      });
    }
  })
  .openapi("CreateDownloadBody");
export type CreateDownloadInput = z.infer<typeof createDownloadBodySchema>;

/** The params of a `qrcode_zip` job, checked again when the runner reads them. */
export const zipParamsSchema = z.object({
  selection: z.union([
    z.object({ ids: z.array(z.string()) }),
    z.object({ filter: qrCodeFilterSchema }),
  ]),
  format: z.enum(IMAGE_FORMATS),
  size: z.number().int(),
  caption: z.boolean(),
});
export type ZipParams = z.infer<typeof zipParamsSchema>;
export type CodeSelection = ZipParams["selection"];
