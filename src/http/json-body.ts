import { createMiddleware } from "hono/factory";
import { decodeUtf8Strict, readBytesCapped } from "../lib/read-capped";
import { AppError } from "./errors";
import type { AppEnv } from "./types";

/** No JSON body of the API comes near this (500 ids, a reply, a form): anything larger is refused. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;
/** The media types the routes' JSON validators read, as Hono's validator matches them. */
const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * Reads a JSON request body once, before any route sees it: larger than
 * MAX_JSON_BODY_BYTES is 413, bytes that are not UTF-8 are 400. Left to
 * the platform, invalid bytes would become U+FFFD and be stored as garbled
 * names. The bytes are kept in Hono's body cache, from which the route's
 * validator parses them.
 */
export const checkJsonBody = createMiddleware<AppEnv>(async (c, next) => {
  const type = c.req.header("Content-Type")?.split(";")[0]?.trim() ?? "";
  if (!JSON_TYPE.test(type) || !c.req.raw.body) return next();
  const bytes = await readBytesCapped(c.req.raw, MAX_JSON_BODY_BYTES);
  if (!bytes) {
    throw new AppError(
      "payload_too_large",
      `JSON bodies are at most ${MAX_JSON_BODY_BYTES / 1024} KB`,
    );
  }
  if (decodeUtf8Strict(bytes) === null) {
    throw new AppError("bad_request", "The request body is not valid UTF-8");
  }
  // Hono keeps the promises of bodies read in bodyCache (typed as the values): json() reads from it.
  const cache = c.req.bodyCache as Record<string, Promise<unknown>>;
  cache.arrayBuffer = Promise.resolve(bytes.slice().buffer);
  return next();
});
