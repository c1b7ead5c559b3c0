import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./types";

const HEADER = "X-Request-Id";
const SAFE_INCOMING = /^[A-Za-z0-9._-]{8,64}$/;

/** Gives every request an id, echoed on the response and carried in logs and errors. */
export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const incoming = c.req.header(HEADER);
  const id = incoming && SAFE_INCOMING.test(incoming) ? incoming : crypto.randomUUID();
  c.set("requestId", id);
  await next();
  c.header(HEADER, id);
});
