import { createRoute, z } from "@hono/zod-openapi";
import { auditInsert, recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/middleware";
import { getDb } from "../db/client";
import { AppError, type ErrorCode } from "../http/errors";
import { errorResponses, idParam, jsonBody, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { createUser, listUsersWithAccounts, type UserRow, updateUser } from "./manage-users";
import { createUserBodySchema, updateUserBodySchema, userSchema } from "./schemas";

const presentUser = (user: UserRow, accountIds: string[]) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  status: user.status,
  accountIds,
  lastLoginAt: user.lastLoginAt,
  createdAt: user.createdAt,
});

const failure = (reason: "forbidden" | "conflict" | "not_found", message: string) =>
  new AppError(reason satisfies ErrorCode, message);

const userIdParams = z.object({ userId: idParam("userId", "usr_k3j9x0a1b2c3d4e5") });

export const userRoutes = createRouter();
userRoutes.use("/users", requireRole("admin"));
userRoutes.use("/users/*", requireRole("admin"));

userRoutes
  .openapi(
    createRoute({
      method: "get",
      path: "/users",
      tags: ["Users"],
      summary: "Every user with role, status and granted accounts (admin or owner)",
      responses: {
        200: jsonResponse(z.object({ users: z.array(userSchema) }), "Users"),
        ...errorResponses(403),
      },
    }),
    async (c) => {
      const rows = await listUsersWithAccounts(getDb(c.env.DB), c.get("auth"));
      return c.json({ users: rows.map((r) => presentUser(r.user, r.accountIds)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/users",
      tags: ["Users"],
      summary: "Create or invite a user; without a password a temporary one is returned once",
      request: { body: jsonBody(createUserBodySchema) },
      responses: {
        201: jsonResponse(
          z.object({ user: userSchema, temporaryPassword: z.string().nullable() }),
          "Created",
        ),
        ...errorResponses(400, 403, 409),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const result = await createUser(db, c.get("auth"), c.req.valid("json"));
      if (!result.ok) throw failure(result.reason, result.message);
      const user = presentUser(result.user, result.accountIds);
      await recordAudit(db, c, {
        action: "user.create",
        entityType: "user",
        entityId: user.id,
        after: user,
      });
      return c.json({ user, temporaryPassword: result.temporaryPassword }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/users/{userId}",
      tags: ["Users"],
      summary:
        "Change a user's name, role, status or accounts; deactivating signs them out everywhere",
      request: { params: userIdParams, body: jsonBody(updateUserBodySchema) },
      responses: {
        200: jsonResponse(z.object({ user: userSchema }), "Updated"),
        ...errorResponses(400, 403, 404, 409),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const result = await updateUser(
        db,
        c.get("auth"),
        c.req.valid("param").userId,
        c.req.valid("json"),
      );
      if (!result.ok) throw failure(result.reason, result.message);
      const user = presentUser(result.user, result.accountIds);
      await auditInsert(db, c, {
        action: "user.update",
        entityType: "user",
        entityId: user.id,
        before: presentUser(result.before, result.beforeAccountIds),
        after: user,
      });
      return c.json({ user }, 200);
    },
  );
