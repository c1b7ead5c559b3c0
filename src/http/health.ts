import { createRoute, z } from "@hono/zod-openapi";
import { jsonResponse } from "./openapi-common";
import { createRouter } from "./router";

export const healthRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/health",
    tags: ["System"],
    summary: "Whether the Worker and its database answer",
    security: [],
    responses: {
      200: jsonResponse(z.object({ status: z.literal("ok"), time: z.string() }), "Healthy"),
      503: jsonResponse(
        z.object({ status: z.literal("degraded"), time: z.string() }),
        "Database unreachable",
      ),
    },
  }),
  async (c) => {
    const time = new Date().toISOString();
    try {
      await c.env.DB.prepare("select 1").first();
      return c.json({ status: "ok" as const, time }, 200);
    } catch {
      return c.json({ status: "degraded" as const, time }, 503);
    }
  },
);
