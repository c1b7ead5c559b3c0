import { createRoute, z } from "@hono/zod-openapi";
import { auditInsert, recordAudit } from "../audit/record-audit";
import { contactVisibility } from "../contacts/contact-visibility";
import { getDb } from "../db/client";
import { errorResponses, idParam, jsonBody, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { getCodeForStatsOrThrow } from "../stats/find-code";
import {
  createFanTagOrThrow,
  listFanTags,
  listTagFailures,
  syncFanTagsOrThrow,
} from "./fan-tag-service";
import { createMemberTagOrThrow, listMemberTags } from "./member-tag-service";
import { retryTagFailures } from "./retry-tag-failures";
import {
  createFanTagBodySchema,
  createMemberTagBodySchema,
  fanTagFailureSchema,
  fanTagSchema,
  memberTagSchema,
  retryTagFailuresBodySchema,
  retryTagFailuresResultSchema,
} from "./schemas";

const accountParams = z.object({ accountId: idParam("accountId", "acc_k3j9x0a1b2c3d4e5") });
const codeParams = accountParams.extend({ id: idParam("id", "qr_k3j9x0a1b2c3d4e5") });
const fanTagsResponse = jsonResponse(
  z.object({ tags: z.array(fanTagSchema) }),
  "The account's fan tags",
);

export const tagRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/accounts/{accountId}/fan-tags",
      tags: ["Tags"],
      summary: "The account's WeChat fan tags, as last synced",
      request: { params: accountParams },
      responses: { 200: fanTagsResponse, ...errorResponses(404) },
    }),
    async (c) => c.json({ tags: await listFanTags(getDb(c.env.DB), c.get("account").id) }, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/accounts/{accountId}/fan-tags/sync",
      tags: ["Tags"],
      summary: "Re-reads the account's fan tags from WeChat",
      request: { params: accountParams },
      responses: { 200: fanTagsResponse, ...errorResponses(403, 404, 502) },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const account = c.get("account");
      const before = await listFanTags(db, account.id);
      const tags = await syncFanTagsOrThrow(c.env, db, account);
      // The account is the entity: a sync rewrites its whole list of tags.
      await recordAudit(db, c, {
        action: "fan_tag.sync",
        entityType: "fan_tag",
        entityId: account.id,
        accountId: account.id,
        before: { names: before.map((t) => t.name), count: before.length },
        after: { names: tags.map((t) => t.name), count: tags.length },
      });
      return c.json({ tags }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/accounts/{accountId}/fan-tags",
      tags: ["Tags"],
      summary: "Creates a fan tag on WeChat (at most 100 per account, names up to 30 bytes)",
      request: { params: accountParams, body: jsonBody(createFanTagBodySchema) },
      responses: {
        201: jsonResponse(z.object({ tag: fanTagSchema }), "The new tag"),
        ...errorResponses(400, 403, 404, 409, 502),
      },
    }),
    async (c) => {
      const { name } = c.req.valid("json");
      const db = getDb(c.env.DB);
      const account = c.get("account");
      const tag = await createFanTagOrThrow(c.env, db, account, name);
      await recordAudit(db, c, {
        action: "fan_tag.create",
        entityType: "fan_tag",
        entityId: String(tag.id),
        accountId: account.id,
        after: { name: tag.name, wechatTagId: tag.id },
      });
      return c.json({ tag }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/accounts/{accountId}/qrcodes/{id}/tag-failures",
      tags: ["Tags"],
      summary: "Fan tags of this code that could not be applied, per fan, with the reason",
      request: { params: codeParams },
      responses: {
        200: jsonResponse(
          z.object({ failures: z.array(fanTagFailureSchema) }),
          "Failures, newest first",
        ),
        ...errorResponses(404),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const accountId = c.get("account").id;
      const code = await getCodeForStatsOrThrow(db, accountId, c.req.valid("param").id);
      return c.json({ failures: await listTagFailures(db, accountId, code.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/accounts/{accountId}/qrcodes/{id}/tag-failures/retry",
      tags: ["Tags"],
      summary: "Tries the code's failed fan tags again",
      description:
        "Queues each failure's fan and tag in the account's Durable Object for a fresh set of " +
        "tries and removes the failure rows at once; a fan that fails again is listed again " +
        "with a new row. Erased fans are skipped (counted in `skipped`, their rows kept). " +
        "The body is optional; without `failureIds` every failure of the code is retried. " +
        "Recorded in the audit log as `fan_tag.retry` with the counts.",
      request: {
        params: codeParams,
        body: { ...jsonBody(retryTagFailuresBodySchema), required: false },
      },
      responses: {
        202: jsonResponse(retryTagFailuresResultSchema, "Queued; the tags are applied shortly"),
        ...errorResponses(400, 403, 404),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const accountId = c.get("account").id;
      const code = await getCodeForStatsOrThrow(db, accountId, c.req.valid("param").id);
      const { failureIds } = c.req.valid("json");
      const result = await retryTagFailures(c.env, db, {
        accountId,
        qrcodeId: code.id,
        failureIds,
        audit: (counts) =>
          auditInsert(db, c, {
            action: "fan_tag.retry",
            entityType: "qrcode",
            entityId: code.id,
            accountId,
            after: { name: code.name, ...counts },
          }),
      });
      return c.json(result, 202);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/member-tags",
      tags: ["Tags"],
      summary: "Member tags (the product's CRM tags) with how many contacts carry each",
      responses: {
        200: jsonResponse(z.object({ tags: z.array(memberTagSchema) }), "Member tags"),
        ...errorResponses(),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const tags = await listMemberTags(db, await contactVisibility(db, c.get("auth")));
      return c.json({ tags }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/member-tags",
      tags: ["Tags"],
      summary: "Creates a member tag",
      request: { body: jsonBody(createMemberTagBodySchema) },
      responses: {
        201: jsonResponse(z.object({ tag: memberTagSchema }), "The new tag"),
        ...errorResponses(400, 403, 409),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const tag = await createMemberTagOrThrow(db, c.req.valid("json"));
      await recordAudit(db, c, {
        action: "member_tag.create",
        entityType: "member_tag",
        entityId: tag.id,
        after: { name: tag.name, color: tag.color },
      });
      return c.json({ tag }, 201);
    },
  );
