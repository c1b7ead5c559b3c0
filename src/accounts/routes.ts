import { createRoute, z } from "@hono/zod-openapi";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/middleware";
import { getDb } from "../db/client";
import { AppError } from "../http/errors";
import { errorResponses, idParam, jsonBody, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { listVisibleAccounts } from "./access";
import { accountAuditFields, accountCreateAudit, accountUpdateAudit } from "./audit-account";
import { checkAccountConnection } from "./check-connection";
import { createAccount } from "./create-account";
import { presentAccount } from "./present-account";
import {
  accountSchema,
  connectionCheckSchema,
  createAccountBodySchema,
  updateAccountBodySchema,
} from "./schemas";
import { deleteAccount, updateAccount } from "./update-account";

const accountParams = z.object({ accountId: idParam("accountId", "acc_k3j9x0a1b2c3d4e5") });
const accountResponse = jsonResponse(z.object({ account: accountSchema }), "The account");
const appIdTaken = () =>
  new AppError("conflict", "Another connected account already uses this AppID");

export const accountRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/accounts",
      tags: ["Accounts"],
      summary: "The official accounts the caller may see",
      responses: {
        200: jsonResponse(z.object({ accounts: z.array(accountSchema) }), "Accounts"),
        ...errorResponses(),
      },
    }),
    async (c) => {
      const rows = await listVisibleAccounts(getDb(c.env.DB), c.get("auth"));
      return c.json({ accounts: rows.map(presentAccount) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/accounts",
      tags: ["Accounts"],
      summary: "Connect an official account (admin or owner)",
      middleware: [requireRole("admin")] as const,
      request: { body: jsonBody(createAccountBodySchema) },
      responses: { 201: accountResponse, ...errorResponses(400, 403, 409) },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const result = await createAccount(c.env, db, c.get("auth"), c.req.valid("json"));
      if (!result.ok) throw appIdTaken();
      await recordAudit(db, c, {
        action: "account.create",
        entityType: "account",
        entityId: result.account.id,
        accountId: result.account.id,
        after: accountCreateAudit(result.account),
      });
      return c.json({ account: presentAccount(result.account) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/accounts/{accountId}",
      tags: ["Accounts"],
      summary: "One account; secrets only say whether they are set",
      request: { params: accountParams },
      responses: { 200: accountResponse, ...errorResponses(404) },
    }),
    async (c) => c.json({ account: presentAccount(c.get("account")) }, 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/accounts/{accountId}",
      tags: ["Accounts"],
      summary: "Change an account's settings or secrets (admin or owner)",
      middleware: [requireRole("admin")] as const,
      request: { params: accountParams, body: jsonBody(updateAccountBodySchema) },
      responses: { 200: accountResponse, ...errorResponses(400, 403, 404, 409) },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const account = c.get("account");
      const input = c.req.valid("json");
      const result = await updateAccount(c.env, db, account, input);
      if (!result.ok && result.reason === "time_zone_locked") {
        throw new AppError(
          "conflict",
          `The time zone stays ${account.timeZone}: this account's statistics already count days in it`,
        );
      }
      if (!result.ok) throw appIdTaken();
      const change = accountUpdateAudit(account, result.account, input);
      if (change) {
        await recordAudit(db, c, {
          action: "account.update",
          entityType: "account",
          entityId: account.id,
          accountId: account.id,
          ...change,
        });
      }
      return c.json({ account: presentAccount(result.account) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/accounts/{accountId}",
      tags: ["Accounts"],
      summary: "Disconnect an account; its codes and statistics are kept (admin or owner)",
      middleware: [requireRole("admin")] as const,
      request: { params: accountParams },
      responses: { 204: { description: "Deleted" }, ...errorResponses(403, 404) },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const account = c.get("account");
      await deleteAccount(db, account);
      await recordAudit(db, c, {
        action: "account.delete",
        entityType: "account",
        entityId: account.id,
        accountId: account.id,
        before: accountAuditFields(account),
      });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/accounts/{accountId}/check",
      tags: ["Accounts"],
      summary: "Fetch a token and probe QR permission; explains failures in plain words",
      request: { params: accountParams },
      responses: {
        200: jsonResponse(z.object({ check: connectionCheckSchema }), "Outcome of the check"),
        ...errorResponses(404),
      },
    }),
    async (c) => {
      const check = await checkAccountConnection(c.env, getDb(c.env.DB), c.get("account"));
      return c.json({ check }, 200);
    },
  );
