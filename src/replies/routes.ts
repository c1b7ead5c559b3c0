import { createRoute, z } from "@hono/zod-openapi";
import { getDb } from "../db/client";
import { DELIVERY_STATUSES } from "../db/schema";
import { errorResponses, idParam, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { getCodeForStatsOrThrow } from "../stats/find-code";
import { listDeliveries } from "./list-deliveries";
import { deliverySchema } from "./schemas";

export const replyRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/accounts/{accountId}/qrcodes/{id}/deliveries",
    tags: ["Replies"],
    summary:
      "Every reply message sent for this code's scans: sent, or failed with WeChat's errcode",
    request: {
      params: z.object({
        accountId: idParam("accountId", "acc_k3j9x0a1b2c3d4e5"),
        id: idParam("id", "qr_k3j9x0a1b2c3d4e5"),
      }),
      query: z.object({
        status: z.enum(DELIVERY_STATUSES).optional(),
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    responses: {
      200: jsonResponse(
        z.object({
          deliveries: z.array(deliverySchema),
          total: z.number().int(),
          page: z.number().int(),
          pageSize: z.number().int(),
        }),
        "Deliveries, newest first",
      ),
      ...errorResponses(400, 404),
    },
  }),
  async (c) => {
    const db = getDb(c.env.DB);
    const accountId = c.get("account").id;
    const code = await getCodeForStatsOrThrow(db, accountId, c.req.valid("param").id);
    return c.json(await listDeliveries(db, accountId, code.id, c.req.valid("query")), 200);
  },
);
