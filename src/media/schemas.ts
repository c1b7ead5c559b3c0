import { z } from "@hono/zod-openapi";

/** A file uploaded for replies (image, voice, video, cover), kept in R2. */
export const mediaSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["image", "voice", "video", "thumb"]),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    onWechatUntil: z
      .number()
      .nullable()
      .openapi({ description: "When WeChat's temporary copy expires, if uploaded" }),
    createdAt: z.number(),
  })
  .openapi("Media");
