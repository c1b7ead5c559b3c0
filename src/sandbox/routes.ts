import { createRoute, z } from "@hono/zod-openapi";
import { getDb } from "../db/client";
import { AppError } from "../http/errors";
import { errorResponses, idParam, jsonBody, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { listFans } from "./fans";
import { requireSandboxAccount } from "./require-sandbox";
import { sandboxControlRoutes } from "./routes-control";
import { sandboxFanSchema, scanDeliverySchema, simulateScansBodySchema } from "./schemas";
import { prepareScanSimulator, type ScanDelivery } from "./simulate-scan";

const accountParams = z.object({ accountId: idParam("accountId", "acc_k3j9x0a1b2c3d4e5") });

/**
 * The sandbox's console and API side: simulate scans into the account's
 * own webhook, see the sandbox's fans, and (routes-control.ts) its
 * recorded calls, faults and tokens.
 */
export const sandboxRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/accounts/{accountId}/sandbox/scans",
      tags: ["Sandbox"],
      summary:
        "Simulate scans, follows and unfollows: signed (and encrypted) pushes to the account's webhook",
      request: { params: accountParams, body: jsonBody(simulateScansBodySchema) },
      responses: {
        200: jsonResponse(
          z.object({ deliveries: z.array(scanDeliverySchema) }),
          "What the webhook answered to each push",
        ),
        ...errorResponses(400, 404, 409),
      },
    }),
    async (c) => {
      const account = requireSandboxAccount(c.get("account"));
      const body = c.req.valid("json");
      const scans = "scans" in body ? body.scans : [body];
      const simulator = await prepareScanSimulator(c.env, account, {
        origin: new URL(c.req.url).origin,
      });
      if (!simulator.ok)
        throw new AppError("conflict", `The account cannot be simulated: ${simulator.reason}`);
      const deliveries: ScanDelivery[] = [];
      for (const scan of scans) deliveries.push(await simulator.simulate(scan));
      return c.json({ deliveries }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/accounts/{accountId}/sandbox/fans",
      tags: ["Sandbox"],
      summary: "The sandbox's fans of the account, most recently active first",
      request: { params: accountParams },
      responses: {
        200: jsonResponse(z.object({ fans: z.array(sandboxFanSchema) }), "Fans"),
        ...errorResponses(404, 409),
      },
    }),
    async (c) => {
      const account = requireSandboxAccount(c.get("account"));
      const rows = await listFans(getDb(c.env.DB), account.appId, 500);
      const fans = rows.map((f) => ({
        openid: f.openid,
        following: f.following,
        subscribeTime: f.subscribeTime,
        subscribeScene: f.subscribeScene,
        tagIds: f.tagIds,
      }));
      return c.json({ fans }, 200);
    },
  )
  .route("/", sandboxControlRoutes);
