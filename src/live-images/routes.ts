import { Hono } from "hono";
import { getDb } from "../db/client";
import { notFound } from "../http/errors";
import type { AppEnv } from "../http/types";
import {
  IMAGE_FORMATS,
  IMAGE_SECURITY_HEADERS,
  type ImageFormat,
  imagePixels,
  renderCodeImage,
} from "../qrcodes/render-code-image";
import { freshLiveCode } from "./fresh-live-code";

const LIVE_FILE = /^([0-9a-z]{32})\.(png|svg)$/;
/** Long enough to spare the Worker on busy pages, short enough to follow a renewal. */
const LIVE_CACHE_SECONDS = 300;

function isImageFormat(value: string | undefined): value is ImageFormat {
  return IMAGE_FORMATS.some((f) => f === value);
}

function optionalNumber(value: string | undefined): number | undefined {
  const n = value === undefined ? Number.NaN : Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * `GET /q/{liveToken}.png|svg`: the public, stable image of a code for H5
 * pages and websites. The unguessable token is the only credential; unknown
 * and deleted codes answer 404 alike. `?size=` (px), `?cm=`, `?caption=1`.
 */
export const liveImageRoutes = new Hono<AppEnv>().get("/q/:file", async (c) => {
  const match = LIVE_FILE.exec(c.req.param("file"));
  const format = match?.[2];
  if (!match?.[1] || !isImageFormat(format)) throw notFound("Image");

  const live = await freshLiveCode(c.env, getDb(c.env.DB), match[1]);
  if (!live?.code.url) throw notFound("Image");
  const image = await renderCodeImage(live.code, {
    format,
    size: imagePixels(optionalNumber(c.req.query("size")), optionalNumber(c.req.query("cm"))),
    caption: c.req.query("caption") === "1",
  });
  return new Response(image.body, {
    headers: {
      "Content-Type": image.contentType,
      "Cache-Control": live.fresh ? `public, max-age=${LIVE_CACHE_SECONDS}` : "no-store",
      ...IMAGE_SECURITY_HEADERS,
    },
  });
});
