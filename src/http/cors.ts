import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./types";

export function parseCorsOrigins(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((o) => o.trim().replace(/\/$/, ""))
    .filter(Boolean);
}

/**
 * CORS is closed unless CORS_ORIGINS lists origins. Even then it is for API
 * tokens only: credentials are not allowed, so another site can never ride
 * an operator's session cookie.
 */
export const corsFromEnv = createMiddleware<AppEnv>(async (c, next) => {
  const origins = parseCorsOrigins(c.env.CORS_ORIGINS);
  if (origins.length === 0) return next();
  return cors({
    origin: (origin) => (origins.includes(origin) ? origin : null),
    allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key"],
    allowMethods: ["GET", "POST", "PATCH", "PUT", "DELETE"],
    exposeHeaders: ["X-Request-Id"],
    maxAge: 600,
    credentials: false,
  })(c, next);
});
