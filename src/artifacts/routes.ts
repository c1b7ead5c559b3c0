import { Hono } from "hono";
import { getDb } from "../db/client";
import { AppError, notFound } from "../http/errors";
import type { AppEnv } from "../http/types";
import { contentDispositionAttachment } from "./content-disposition";
import { verifyDownloadToken } from "./download-links";
import { getLiveArtifact } from "./store-artifact";

/**
 * `GET /files/{token}`: the signed link is the credential, so a download
 * works from a plain <a href> and can be shared for its short life.
 */
export const fileRoutes = new Hono<AppEnv>().get("/files/:token", async (c) => {
  const verified = await verifyDownloadToken(c.env.SIGNING_KEY, c.req.param("token"));
  if (!verified.ok) {
    if (verified.reason === "expired")
      throw new AppError("gone", "This download link has expired; start the download again");
    throw notFound("File");
  }
  const artifact = await getLiveArtifact(getDb(c.env.DB), verified.payload.artifactId);
  const object = artifact ? await c.env.ARTIFACTS.get(artifact.r2Key) : null;
  if (!artifact || !object) throw notFound("File");

  return new Response(object.body, {
    headers: {
      "Content-Type": artifact.contentType,
      "Content-Length": String(object.size),
      "Content-Disposition": contentDispositionAttachment(artifact.fileName),
      "Cache-Control": "private, no-store",
    },
  });
});
