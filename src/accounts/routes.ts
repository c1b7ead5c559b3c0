import { createRoute, z } from "@hono/zod-openapi";
import { getDb } from "../db/client";
import { errorResponses, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { listVisibleAccounts } from "./access";
import { presentAccount } from "./present-account";
import { accountSchema } from "./schemas";

export const accountRoutes = createRouter().openapi(
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
);
