import { createRoute, z } from "@hono/zod-openapi";
import { recordAudit } from "../audit/record-audit";
import { getDb } from "../db/client";
import { AppError, notFound } from "../http/errors";
import { errorResponses, idParam, jsonBody, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { changePasswordBodySchema, sessionSchema } from "./schemas";
import { changePassword, listActiveSessions, revokeOwnSession } from "./sessions-and-password";

/** What every signed-in user may do to their own sign-in: sessions and password. */
export const selfRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/auth/sessions",
      tags: ["Auth"],
      summary: "The signed-in user's active sessions",
      responses: {
        200: jsonResponse(z.object({ sessions: z.array(sessionSchema) }), "Sessions"),
        ...errorResponses(),
      },
    }),
    async (c) => {
      const auth = c.get("auth");
      const rows = await listActiveSessions(getDb(c.env.DB), auth.userId);
      const sessions = rows.map((s) => ({
        id: s.id,
        userAgent: s.userAgent,
        createdAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        expiresAt: s.expiresAt,
        current: s.id === auth.sessionId,
      }));
      return c.json({ sessions }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/auth/sessions/{sessionId}",
      tags: ["Auth"],
      summary: "Sign out one of the signed-in user's sessions",
      request: { params: z.object({ sessionId: idParam("sessionId", "9f86d081884c7d65") }) },
      responses: { 204: { description: "Revoked" }, ...errorResponses(404) },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const userId = c.get("auth").userId;
      const revoked = await revokeOwnSession(db, userId, c.req.valid("param").sessionId);
      if (!revoked) throw notFound("Session");
      await recordAudit(db, c, {
        action: "session.revoke",
        entityType: "session",
        entityId: revoked.id,
        before: { userId, userAgent: revoked.userAgent },
      });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/auth/password",
      tags: ["Auth"],
      summary: "Change the signed-in user's password; other sessions are signed out",
      request: { body: jsonBody(changePasswordBodySchema) },
      responses: { 204: { description: "Changed" }, ...errorResponses(400) },
    }),
    async (c) => {
      const auth = c.get("auth");
      const { currentPassword, newPassword } = c.req.valid("json");
      const db = getDb(c.env.DB);
      if (!(await changePassword(db, auth.userId, auth.sessionId, currentPassword, newPassword))) {
        throw new AppError("bad_request", "currentPassword: does not match");
      }
      await recordAudit(db, c, {
        action: "user.password_change",
        entityType: "user",
        entityId: auth.userId,
      });
      return c.body(null, 204);
    },
  );
