import { createRoute, z } from "@hono/zod-openapi";
import { getDb } from "../db/client";
import { AppError, notFound } from "../http/errors";
import { errorResponses } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { contentDisposition } from "../images/file-names";
import { findQrCode } from "./get-qrcode";
import {
  IMAGE_FORMATS,
  IMAGE_SECURITY_HEADERS,
  imagePixels,
  renderCodeImage,
} from "./render-code-image";
import { codeParams } from "./routes";

const flag = z.enum(["0", "1"]).default("0");

export const imageQuerySchema = z.object({
  format: z.enum(IMAGE_FORMATS).default("png"),
  size: z.coerce.number().int().min(64).max(4000).optional().openapi({ description: "Pixels" }),
  cm: z.coerce
    .number()
    .min(0.5)
    .max(33)
    .optional()
    .openapi({ description: "Centimetres at 300 dpi; overrides size" }),
  caption: flag.openapi({ description: "1 draws the code's name below it" }),
  download: flag.openapi({ description: "1 answers as an attachment" }),
});

const binary = (type: string) => ({ [type]: { schema: z.string().openapi({ format: "binary" }) } });

export const qrCodeImageRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/accounts/{accountId}/qrcodes/{id}/image",
    tags: ["QR codes"],
    summary: "The code as PNG or SVG at a print size, rendered from its ticket url",
    request: { params: codeParams, query: imageQuerySchema },
    responses: {
      200: {
        description: "The image",
        content: { ...binary("image/png"), ...binary("image/svg+xml") },
      },
      ...errorResponses(400, 404, 409),
    },
  }),
  async (c) => {
    const query = c.req.valid("query");
    const code = await findQrCode(getDb(c.env.DB), c.get("account").id, c.req.valid("param").id);
    if (!code) throw notFound("QR code");
    if (!code.url) throw new AppError("conflict", "This code has no ticket url yet");
    const image = await renderCodeImage(code, {
      format: query.format,
      size: imagePixels(query.size, query.cm),
      caption: query.caption === "1",
    });
    return new Response(image.body, {
      headers: {
        "Content-Type": image.contentType,
        "Content-Disposition": contentDisposition(
          image.fileName,
          query.download === "1" ? "attachment" : "inline",
        ),
        "Cache-Control": "private, max-age=60",
        ...IMAGE_SECURITY_HEADERS,
      },
    });
  },
);
