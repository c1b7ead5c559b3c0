import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { getDb } from "../db/client";
import type { UserRole } from "../db/schema";
import { AppError } from "../http/errors";
import type { AppEnv } from "../http/types";
import { findTokenUser, touchApiToken } from "./api-tokens";
import { findSessionUser, SESSION_COOKIE } from "./sessions";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const TOKEN_TOUCH_EVERY_MS = 60_000;

/**
 * A browser sends Origin on every cross-site change; one that names another
 * host is refused, so a cookie cannot be ridden from another site (CSRF).
 */
function assertSameOrigin(req: Request) {
  const origin = req.headers.get("Origin");
  if (!origin) return;
  if (new URL(origin).host !== new URL(req.url).host) {
    throw new AppError("cross_origin", "Changes signed in with a cookie must come from this site");
  }
}

/** Resolves the caller from `Authorization: Bearer` or the session cookie; 401 otherwise. */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const db = getDb(c.env.DB);
  const bearer = c.req.header("Authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];

  if (bearer) {
    const found = await findTokenUser(db, bearer);
    if (!found) throw new AppError("unauthorized", "The API token is invalid, expired or revoked");
    const { token, user } = found;
    c.set("auth", {
      userId: user.id,
      email: user.email,
      role: user.role,
      via: "token",
      scope: token.scope,
      tokenId: token.id,
    });
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt > TOKEN_TOUCH_EVERY_MS) {
      c.executionCtx.waitUntil(touchApiToken(db, token.id));
    }
    return next();
  }

  const cookie = getCookie(c, SESSION_COOKIE);
  const found = cookie ? await findSessionUser(db, cookie) : null;
  if (!found) throw new AppError("unauthorized", "Sign in to continue");
  if (!SAFE_METHODS.has(c.req.method)) assertSameOrigin(c.req.raw);
  const { session, user } = found;
  c.set("auth", {
    userId: user.id,
    email: user.email,
    role: user.role,
    via: "session",
    scope: "write",
    sessionId: session.id,
  });
  return next();
});

/**
 * A user's own sign-in (sign out, password, sessions, API tokens) is theirs
 * to change whatever their role; a viewer's new tokens are read-only.
 */
function isSelfService(path: string): boolean {
  return path.startsWith("/api/auth/") || path === "/api/tokens" || path.startsWith("/api/tokens/");
}

const ROLE_RANK: Record<UserRole, number> = { viewer: 0, operator: 1, admin: 2, owner: 3 };

/** Whether a role is at least another, in the order viewer < operator < admin < owner. */
export function roleAtLeast(role: UserRole, minimum: UserRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minimum];
}

/**
 * Changes need a write-scoped credential and at least `operator` (or the
 * given role); reads pass. A read-scoped token changes nothing, its owner's
 * own sign-in included: a leaked read token must not revoke their sessions
 * and tokens. Mounted once on `/api/*`, after `requireAuth`.
 */
export const enforceWriteAccess = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const auth = c.get("auth");
  if (auth.scope !== "write") throw new AppError("forbidden", "This API token can only read");
  if (isSelfService(c.req.path)) return next();
  if (!roleAtLeast(auth.role, "operator"))
    throw new AppError("forbidden", "Viewers cannot make changes");
  return next();
});

export function requireRole(minimum: UserRole) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!roleAtLeast(c.get("auth").role, minimum)) {
      throw new AppError("forbidden", `This needs the ${minimum} role or higher`);
    }
    return next();
  });
}
