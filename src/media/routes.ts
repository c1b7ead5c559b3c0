import { createRoute, z } from "@hono/zod-openapi";
import { getDb } from "../db/client";
import { AppError, notFound } from "../http/errors";
import { errorResponses, idParam, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { mediaSchema } from "./schemas";
import { MAX_MEDIA_BYTES } from "./sniff-media";
import { findMedia, listMedia, presentMedia, storeMediaOrThrow } from "./store-media";

const accountParams = z.object({ accountId: idParam("accountId", "acc_k3j9x0a1b2c3d4e5") });
/** The multipart envelope may add a little to the largest file. */
const MAX_BODY_BYTES = MAX_MEDIA_BYTES.video + 64 * 1024;

export const mediaRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/accounts/{accountId}/media",
      tags: ["Replies"],
      summary:
        "Uploads an image (PNG/JPEG, at most 2 MB), voice (AMR/MP3) or video (MP4) for replies",
      description:
        "The content is sniffed; the declared type is not trusted. The file name is kept as a label only, without path separators, control characters or Windows device names. Sent to WeChat as temporary media when first used.",
      request: {
        params: accountParams,
        body: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: z.object({ file: z.any().openapi({ type: "string", format: "binary" }) }),
            },
          },
        },
      },
      responses: {
        201: jsonResponse(z.object({ media: mediaSchema }), "The stored file"),
        ...errorResponses(400, 403, 404, 413, 415),
      },
    }),
    async (c) => {
      const length = Number(c.req.header("Content-Length") ?? "0");
      if (length > MAX_BODY_BYTES) throw new AppError("payload_too_large", "The file is too large");
      const file: unknown = c.req.valid("form").file;
      if (!(file instanceof File))
        throw new AppError("bad_request", "file: attach the file as a form field named file");
      const row = await storeMediaOrThrow(
        getDb(c.env.DB),
        c.env.ARTIFACTS,
        c.get("account").id,
        file,
      );
      return c.json({ media: presentMedia(row) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/accounts/{accountId}/media",
      tags: ["Replies"],
      summary: "The account's uploaded reply media, newest first",
      request: { params: accountParams },
      responses: {
        200: jsonResponse(z.object({ media: z.array(mediaSchema) }), "Media"),
        ...errorResponses(404),
      },
    }),
    async (c) => {
      const rows = await listMedia(getDb(c.env.DB), c.get("account").id);
      return c.json({ media: rows.map(presentMedia) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/accounts/{accountId}/media/{id}/content",
      tags: ["Replies"],
      summary: "The uploaded file itself, for previews",
      request: { params: accountParams.extend({ id: idParam("id", "med_k3j9x0a1b2c3d4e5") }) },
      responses: { 200: { description: "The file's bytes" }, ...errorResponses(404) },
    }),
    async (c) => {
      const row = await findMedia(getDb(c.env.DB), c.get("account").id, c.req.valid("param").id);
      const object = row ? await c.env.ARTIFACTS.get(row.r2Key) : null;
      if (!row || !object) throw notFound("Media");
      return new Response(object.body, {
        headers: {
          "Content-Type": row.contentType,
          "Content-Length": String(object.size),
          "Cache-Control": "private, max-age=3600",
          "X-Content-Type-Options": "nosniff",
        },
      });
    },
  );
