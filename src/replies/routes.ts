import { createRoute, z } from "@hono/zod-openapi";
import { getDb } from "../db/client";
import { DELIVERY_STATUSES } from "../db/schema";
import { errorResponses, idParam, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { getCodeForStatsOrThrow } from "../stats/find-code";
import { listDeliveries } from "./list-deliveries";

const deliverySchema = z
  .object({
    id: z.string(),
    scanId: z.number().int().nullable(),
    fanId: z.string(),
    openid: z.string().nullable(),
    position: z.number().int().openapi({ description: "0 is the first message of the reply" }),
    messageType: z.string(),
    channel: z.enum(["passive", "custom"]),
    status: z.enum(DELIVERY_STATUSES).openapi({
      description:
        "sent (handed to WeChat; a passive reply rides in the webhook answer), failed, pending, skipped",
    }),
    errcode: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "WeChat's errcode when it refused" }),
    reason: z.string().nullable().openapi({
      description:
        "Why it failed, in plain words. A customer-service message whose send timed out or whose answer was never recorded fails with a reason saying it may have reached the fan: it is never sent twice",
    }),
    attempts: z.number().int().openapi({
      description:
        "Times it was handed to WeChat; a busy WeChat (-1, 45011) is retried within the minute after the scan, and a message past that minute fails without another attempt",
    }),
    createdAt: z.number(),
    sentAt: z
      .number()
      .nullable()
      .openapi({ description: "When WeChat accepted it; null unless sent" }),
  })
  .openapi("ReplyDelivery");

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
