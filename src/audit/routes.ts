import { createRoute, z } from "@hono/zod-openapi";
import { visibleAccountIds } from "../accounts/access";
import { requireRole } from "../auth/middleware";
import { getDb } from "../db/client";
import { errorResponses, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { auditEntriesCsv } from "./export-audit";
import { listAudit } from "./list-audit";

const auditEntrySchema = z
  .object({
    id: z.number(),
    userId: z.string().nullable(),
    accountId: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    requestId: z.string(),
    createdAt: z.number(),
  })
  .openapi("AuditEntry");

const filterQuery = z.object({
  accountId: z.string().max(64).optional(),
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  userId: z.string().max(64).optional(),
});

export const auditRoutes = createRouter();
auditRoutes.use("/audit", requireRole("admin"));
auditRoutes.use("/audit/*", requireRole("admin"));

auditRoutes
  .openapi(
    createRoute({
      method: "get",
      path: "/audit",
      tags: ["Audit"],
      summary: "Who changed what and when, newest first (admin or owner)",
      description:
        "Every change made through the API is recorded: accounts, QR codes (one entry per code of a bulk delete or move, one per confirmed import), groups, fan and member tags, contacts and conflicts, forms, users, API tokens, sessions, dead letters and erasures. An update keeps only the fields that changed; secrets appear only as changed. An admin sees the entries of the accounts granted to them and those of no account (users, member tags, tokens), a contact's only when they can see the contact; an owner sees all.",
      request: {
        query: filterQuery.extend({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          before: z.coerce
            .number()
            .int()
            .positive()
            .optional()
            .openapi({ description: "nextBefore of the previous page" }),
        }),
      },
      responses: {
        200: jsonResponse(
          z.object({ entries: z.array(auditEntrySchema), nextBefore: z.number().nullable() }),
          "Entries",
        ),
        ...errorResponses(400, 403),
      },
    }),
    async (c) => {
      const { limit, before, ...filter } = c.req.valid("query");
      const db = getDb(c.env.DB);
      const visible = await visibleAccountIds(db, c.get("auth"));
      return c.json(await listAudit(db, filter, { limit, beforeId: before, visible }), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/audit/export",
      tags: ["Audit"],
      summary: "The filtered audit log as CSV (UTF-8 with BOM, opens in Excel)",
      request: { query: filterQuery },
      responses: {
        200: { description: "CSV file", content: { "text/csv": { schema: z.string() } } },
        ...errorResponses(400, 403),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const visible = await visibleAccountIds(db, c.get("auth"));
      const { stream, written } = auditEntriesCsv(db, c.req.valid("query"), visible);
      c.executionCtx.waitUntil(written);
      return new Response(stream, {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="audit-log.csv"`,
          "Cache-Control": "private, no-store",
        },
      });
    },
  );
