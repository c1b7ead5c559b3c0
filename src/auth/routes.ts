import { createRoute, z } from "@hono/zod-openapi";
import { deleteCookie, setCookie } from "hono/cookie";
import { recordAudit } from "../audit/record-audit";
import { getDb } from "../db/client";
import type { apiTokens, users } from "../db/schema";
import { AppError, notFound } from "../http/errors";
import { errorResponses, idParam, jsonBody, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { clientAddress } from "../lib/rate-limit";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens";
import { requireAuth, roleAtLeast } from "./middleware";
import {
  apiTokenSchema,
  createApiTokenBodySchema,
  createdApiTokenSchema,
  loginBodySchema,
  meSchema,
} from "./schemas";
import { createSession, revokeSession, SESSION_COOKIE } from "./sessions";
import { authenticate, ensureFirstOwner } from "./sign-in";
import { assertSignInAllowed, recordFailedSignIn } from "./throttle-sign-in";

const toMe = (u: typeof users.$inferSelect) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  locale: u.locale,
});
const toToken = (t: typeof apiTokens.$inferSelect) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scope: t.scope,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
  expiresAt: t.expiresAt,
  revokedAt: t.revokedAt,
});

/** Routes that work without a session: sign-in. */
export const publicAuthRoutes = createRouter().openapi(
  createRoute({
    method: "post",
    path: "/auth/login",
    tags: ["Auth"],
    summary: "Sign in with email and password; sets the session cookie",
    security: [],
    request: { body: jsonBody(loginBodySchema) },
    responses: {
      200: jsonResponse(z.object({ user: meSchema }), "Signed in"),
      ...errorResponses(400, 429),
    },
  }),
  async (c) => {
    const { email, password } = c.req.valid("json");
    const db = getDb(c.env.DB);
    const address = clientAddress(c.req.raw);
    await assertSignInAllowed(db, address, email);
    await ensureFirstOwner(db, c.env);
    const user = await authenticate(db, email, password);
    if (!user) {
      await recordFailedSignIn(db, address, email);
      throw new AppError("invalid_credentials", "Email or password is incorrect");
    }

    const session = await createSession(db, user.id, c.req.header("User-Agent") ?? "");
    setCookie(c, SESSION_COOKIE, session.cookieValue, {
      httpOnly: true,
      secure: new URL(c.req.url).protocol === "https:",
      sameSite: "Lax",
      path: "/",
      expires: new Date(session.expiresAt),
    });
    return c.json({ user: toMe(user) }, 200);
  },
);

export const authRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/auth/logout",
      tags: ["Auth"],
      summary: "Sign out: revokes this session",
      responses: { 204: { description: "Signed out" }, ...errorResponses() },
    }),
    async (c) => {
      const sessionId = c.get("auth").sessionId;
      if (sessionId) await revokeSession(getDb(c.env.DB), sessionId);
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/auth/me",
      tags: ["Auth"],
      summary: "The signed-in user",
      responses: {
        200: jsonResponse(z.object({ user: meSchema }), "The user"),
        ...errorResponses(),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const user = await db.query.users.findFirst({
        where: (u, { eq }) => eq(u.id, c.get("auth").userId),
      });
      if (!user) throw new AppError("unauthorized", "Sign in to continue");
      return c.json({ user: toMe(user) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/tokens",
      tags: ["Auth"],
      summary: "The signed-in user's API tokens",
      responses: {
        200: jsonResponse(z.object({ tokens: z.array(apiTokenSchema) }), "Tokens"),
        ...errorResponses(),
      },
    }),
    async (c) => {
      const rows = await listApiTokens(getDb(c.env.DB), c.get("auth").userId);
      return c.json({ tokens: rows.map(toToken) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/tokens",
      tags: ["Auth"],
      summary: "Create an API token for the signed-in user; send it as Authorization: Bearer",
      description:
        "A read-scoped token only reads: it cannot create or revoke tokens, sessions or a password either. Viewers create read tokens only.",
      request: { body: jsonBody(createApiTokenBodySchema) },
      responses: {
        201: jsonResponse(createdApiTokenSchema, "The token, shown once"),
        ...errorResponses(400, 403),
      },
    }),
    async (c) => {
      const auth = c.get("auth");
      const body = c.req.valid("json");
      // A read-scoped token never gets here: enforceWriteAccess refuses its changes.
      if (body.scope === "write" && !roleAtLeast(auth.role, "operator")) {
        throw new AppError("forbidden", "Viewers can only create read tokens");
      }
      const db = getDb(c.env.DB);
      const { token, row } = await createApiToken(db, auth.userId, body);
      // Name and scope only: the token's value is shown once to its maker and stored nowhere.
      await recordAudit(db, c, {
        action: "token.create",
        entityType: "api_token",
        entityId: row.id,
        after: { name: row.name, scope: row.scope, expiresAt: row.expiresAt },
      });
      return c.json(
        {
          ...toToken({ ...row, lastUsedAt: null, revokedAt: null, expiresAt: row.expiresAt }),
          token,
        },
        201,
      );
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/tokens/{tokenId}",
      tags: ["Auth"],
      summary: "Revoke one of the signed-in user's API tokens",
      request: { params: z.object({ tokenId: idParam("tokenId", "tok_k3j9x0a1b2c3d4e5") }) },
      responses: { 204: { description: "Revoked" }, ...errorResponses(403, 404) },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const revoked = await revokeApiToken(db, c.get("auth").userId, c.req.valid("param").tokenId);
      if (!revoked) throw notFound("API token");
      await recordAudit(db, c, {
        action: "token.revoke",
        entityType: "api_token",
        entityId: revoked.id,
        before: { name: revoked.name, scope: revoked.scope },
      });
      return c.body(null, 204);
    },
  );

export { requireAuth };
