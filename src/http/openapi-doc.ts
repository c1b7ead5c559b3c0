import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./types";

const INFO = {
  title: "WeChat QR Console API",
  version: "1.0.0",
  description:
    "Parametric QR codes for WeChat Official Accounts: accounts, codes, scans, replies, tags, forms, contacts and exports. " +
    "Authenticate with the session cookie from `POST /api/auth/login`, or with `Authorization: Bearer <token>` " +
    "from `POST /api/tokens`. Every failure answers `{ error: { code, message, requestId } }`. " +
    "JSON bodies are sent as `application/json`, in UTF-8, at most 1 MB; anything else is refused (400, 413, 415).",
};

/**
 * Serves the OpenAPI 3.1 document built from the routes' own schemas, and
 * points `/api/docs` at the browsable reference (static, under /api-docs/).
 */
export function mountOpenApi(api: OpenAPIHono<AppEnv>) {
  api.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
  });
  api.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "qrc_session",
  });
  api.get("/docs", (c) => c.redirect("/api-docs/"));
  api.doc31("/openapi.json", (c) => ({
    openapi: "3.1.0",
    info: INFO,
    servers: [{ url: new URL(c.req.url).origin }],
    security: [{ bearer: [] as string[] }, { session: [] as string[] }] as Record<
      string,
      string[]
    >[],
  }));
}
