import { createRoute, z } from "@hono/zod-openapi";
import { getDb } from "../db/client";
import { errorResponses, idParam, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { getCodeStats, rangeSeries } from "./code-stats";
import { getCodeForStatsOrThrow } from "./find-code";
import { listCodeFans } from "./list-code-fans";
import {
  codeFansPageSchema,
  codeStatsSchema,
  listFansQuerySchema,
  rangeQuerySchema,
  statsSummarySchema,
} from "./schemas";
import { getStatsSummary } from "./stats-summary";

const accountParam = idParam("accountId", "acc_k3j9x0a1b2c3d4e5");
const codeParams = z.object({ accountId: accountParam, id: idParam("id", "qr_k3j9x0a1b2c3d4e5") });

export const statsRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/accounts/{accountId}/qrcodes/{id}/stats",
      tags: ["Statistics"],
      summary: "A code's numbers over a date range, and a daily series, in the account's time zone",
      request: { params: codeParams, query: rangeQuerySchema },
      responses: {
        200: jsonResponse(codeStatsSchema, "The code's statistics"),
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const account = c.get("account");
      const db = getDb(c.env.DB);
      const code = await getCodeForStatsOrThrow(db, account.id, c.req.valid("param").id);
      const range = c.req.valid("query");
      const stats = await getCodeStats(db, account.id, code.id, range, account.timeZone);
      return c.json(
        {
          qrcodeId: code.id,
          timeZone: account.timeZone,
          from: range.from ?? null,
          to: range.to ?? null,
          ...stats,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/accounts/{accountId}/qrcodes/{id}/fans",
      tags: ["Statistics"],
      summary: "The code's fans (all, new followers or old fans), newest scan first",
      request: { params: codeParams, query: listFansQuerySchema },
      responses: {
        200: jsonResponse(codeFansPageSchema, "One page of fans"),
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const account = c.get("account");
      const db = getDb(c.env.DB);
      const code = await getCodeForStatsOrThrow(db, account.id, c.req.valid("param").id);
      const page = await listCodeFans(db, c.env.DB, account.id, code.id, c.req.valid("query"));
      return c.json(page, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/accounts/{accountId}/stats/summary",
      tags: ["Statistics"],
      summary: "Totals of the account and of each group of codes over a date range",
      request: { params: z.object({ accountId: accountParam }), query: rangeQuerySchema },
      responses: { 200: jsonResponse(statsSummarySchema, "Totals"), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const account = c.get("account");
      const range = c.req.valid("query");
      const db = getDb(c.env.DB);
      const summary = await getStatsSummary(db, account.id, range, account.timeZone);
      const series = await rangeSeries(db, account.id, null, range, account.timeZone);
      return c.json(
        {
          timeZone: account.timeZone,
          from: range.from ?? null,
          to: range.to ?? null,
          ...summary,
          series,
        },
        200,
      );
    },
  );
