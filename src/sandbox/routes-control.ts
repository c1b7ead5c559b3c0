import { createRoute, z } from "@hono/zod-openapi";
import { getDb } from "../db/client";
import { errorResponses, idParam, jsonBody, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { expireTokens } from "./api/token";
import { addFault, clearFaults, listFaults } from "./faults";
import { listCalls } from "./list-calls";
import { requireSandboxAccount } from "./require-sandbox";
import {
  addFaultBodySchema,
  faultSchema,
  listCallsQuerySchema,
  sandboxCallSchema,
} from "./schemas";

const params = z.object({ accountId: idParam("accountId", "acc_k3j9x0a1b2c3d4e5") });
const CUSTOM_SEND = "/cgi-bin/message/custom/send";

function presentFault(f: Awaited<ReturnType<typeof addFault>>) {
  return {
    id: f.id,
    path: f.path,
    errcode: f.errcode,
    errmsg: f.errmsg,
    delayMs: f.delayMs,
    remaining: f.remaining,
  };
}

/** What the sandbox received, and the knobs tests and demos turn: faults and token expiry. */
export const sandboxControlRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/accounts/{accountId}/sandbox/calls",
      tags: ["Sandbox"],
      summary: "API calls the sandbox received for the account, newest first",
      request: { params, query: listCallsQuerySchema },
      responses: {
        200: jsonResponse(z.object({ calls: z.array(sandboxCallSchema) }), "Calls"),
        ...errorResponses(400, 404, 409),
      },
    }),
    async (c) => {
      const account = requireSandboxAccount(c.get("account"));
      const { path, limit } = c.req.valid("query");
      return c.json(
        { calls: await listCalls(getDb(c.env.DB), account.appId, { path, limit }) },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/accounts/{accountId}/sandbox/messages",
      tags: ["Sandbox"],
      summary:
        "Customer-service messages the sandbox accepted for the account's fans, newest first",
      request: { params, query: listCallsQuerySchema.omit({ path: true }) },
      responses: {
        200: jsonResponse(z.object({ messages: z.array(sandboxCallSchema) }), "Messages"),
        ...errorResponses(400, 404, 409),
      },
    }),
    async (c) => {
      const account = requireSandboxAccount(c.get("account"));
      const { limit } = c.req.valid("query");
      const messages = await listCalls(getDb(c.env.DB), account.appId, {
        path: CUSTOM_SEND,
        limit,
        succeeded: true,
      });
      return c.json({ messages }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/accounts/{accountId}/sandbox/faults",
      tags: ["Sandbox"],
      summary:
        "Make the sandbox fail or slow down the next calls (errcode -1, 45011, 40001, delays)",
      request: { params, body: jsonBody(addFaultBodySchema) },
      responses: {
        201: jsonResponse(z.object({ fault: faultSchema }), "Fault armed"),
        ...errorResponses(400, 404, 409),
      },
    }),
    async (c) => {
      const account = requireSandboxAccount(c.get("account"));
      const fault = await addFault(getDb(c.env.DB), account.appId, c.req.valid("json"));
      return c.json({ fault: presentFault(fault) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/accounts/{accountId}/sandbox/faults",
      tags: ["Sandbox"],
      summary: "Faults still armed",
      request: { params },
      responses: {
        200: jsonResponse(z.object({ faults: z.array(faultSchema) }), "Faults"),
        ...errorResponses(404, 409),
      },
    }),
    async (c) => {
      const account = requireSandboxAccount(c.get("account"));
      const faults = await listFaults(getDb(c.env.DB), account.appId);
      return c.json({ faults: faults.map(presentFault) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/accounts/{accountId}/sandbox/faults",
      tags: ["Sandbox"],
      summary: "Disarm every fault",
      request: { params },
      responses: { 204: { description: "Disarmed" }, ...errorResponses(404, 409) },
    }),
    async (c) => {
      const account = requireSandboxAccount(c.get("account"));
      await clearFaults(getDb(c.env.DB), account.appId);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/accounts/{accountId}/sandbox/tokens/expire",
      tags: ["Sandbox"],
      summary: "Expire the account's sandbox access tokens now (the next call gets 42001)",
      request: { params },
      responses: {
        200: jsonResponse(z.object({ expired: z.number().int() }), "Tokens expired"),
        ...errorResponses(404, 409),
      },
    }),
    async (c) => {
      const account = requireSandboxAccount(c.get("account"));
      return c.json({ expired: await expireTokens(getDb(c.env.DB), account.appId) }, 200);
    },
  );
