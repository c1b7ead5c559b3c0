import { createRoute, z } from "@hono/zod-openapi";
import { getAccountStub } from "../durable/account-do";
import { AppError } from "../http/errors";
import { errorResponses, idParam } from "../http/openapi-common";
import { createRouter } from "../http/router";

/**
 * A browser sends cookies with a WebSocket handshake from any page, so a
 * socket opened by another site's page would ride the operator's session:
 * only this origin (or a configured console origin) may open one.
 */
function originAllowed(request: Request, allowed: string): boolean {
  const origin = request.headers.get("Origin");
  if (!origin) return true; // not a browser: API tokens and tools
  if (origin === new URL(request.url).origin) return true;
  return allowed
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean)
    .includes(origin);
}

export const liveRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/accounts/{accountId}/live",
    tags: ["Statistics"],
    summary: "WebSocket of live scan counters for the account's consoles",
    description:
      'Upgrade to a WebSocket. Messages are JSON: `{type:"scan", qrcodeId, occurredAt, day, isNewFollower, numbers, dayNumbers}` after each recorded scan and `{type:"unfollow", qrcodeId, occurredAt, numbers}` per code an unfollow changed; `numbers` are changes to the all-time numbers, `dayNumbers` to that day\'s. Send "ping" to get "pong".',
    request: { params: z.object({ accountId: idParam("accountId", "acc_k3j9x0a1b2c3d4e5") }) },
    responses: {
      101: { description: "Switching to a WebSocket" },
      ...errorResponses(400, 403, 404),
    },
  }),
  async (c) => {
    if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
      throw new AppError("bad_request", "Open this address as a WebSocket");
    }
    if (!originAllowed(c.req.raw, c.env.CORS_ORIGINS ?? "")) {
      throw new AppError(
        "cross_origin",
        "WebSockets may only be opened from the console's own origin",
      );
    }
    return getAccountStub(c.env, c.get("account").id).fetch(c.req.raw);
  },
);
