import { createRoute, z } from "@hono/zod-openapi";
import { auditInsert } from "../audit/record-audit";
import { getDb } from "../db/client";
import { AppError, notFound } from "../http/errors";
import { errorResponses, idParam, jsonBody, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { contactVisibility } from "./contact-visibility";
import { findVisibleConflict, listConflicts } from "./list-conflicts";
import { resolveConflict } from "./resolve-conflict";
import { conflictSchema, conflictsQuerySchema, resolveConflictBodySchema } from "./schemas";

const conflictParams = z.object({ conflictId: idParam("conflictId", "ccf_k3j9x0a1b2c3d4e5") });

const REFUSALS = {
  already_resolved: ["conflict", "This conflict was already resolved"],
  no_other_contact: [
    "bad_request",
    "resolution: merge_contacts needs another contact; the submitted key belongs to none, use link_submitted",
  ],
  submission_missing: ["conflict", "The submission or form of this conflict no longer exists"],
} as const;

/**
 * Conflicts: a fan linked to one contact submitted a key that belongs to
 * another contact (or differs from the one on file). Listed for operators,
 * resolved one by one. Registered before `/contacts/{contactId}`.
 */
export const conflictRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/contacts/conflicts",
      tags: ["Contacts"],
      summary: "Fans whose submission named a different contact than the one they are linked to",
      request: { query: conflictsQuerySchema },
      responses: {
        200: jsonResponse(
          z.object({
            conflicts: z.array(conflictSchema),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
          "A page of conflicts",
        ),
        ...errorResponses(400),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const visible = await contactVisibility(db, c.get("auth"));
      return c.json(await listConflicts(db, visible, c.req.valid("query")), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/contacts/conflicts/{conflictId}/resolve",
      tags: ["Contacts"],
      summary:
        "Resolve a conflict: keep, move the fan to the submitted key's contact, or merge the two",
      request: { params: conflictParams, body: jsonBody(resolveConflictBodySchema) },
      responses: {
        200: jsonResponse(
          z.object({ conflict: conflictSchema, contactId: z.string() }),
          "Resolved; contactId is where the fan is linked now",
        ),
        ...errorResponses(400, 403, 404, 409),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const visible = await contactVisibility(db, c.get("auth"));
      const { conflictId } = c.req.valid("param");
      const before = await findVisibleConflict(db, visible, conflictId);
      if (!before) throw notFound("Conflict");

      const { resolution } = c.req.valid("json");
      // The fan's account owns the entry; the fan is named by its id, never its openid.
      const audit = (contactId: string) =>
        auditInsert(db, c, {
          action: "conflict.resolve",
          entityType: "conflict",
          entityId: conflictId,
          accountId: before.view.fan.accountId,
          before: {
            status: "open",
            fanId: before.view.fan.id,
            contactId: before.view.contact?.id ?? null,
          },
          after: { status: "resolved", resolution, fanId: before.view.fan.id, contactId },
        });
      const result = await resolveConflict(db, conflictId, resolution, c.get("auth").userId, audit);
      if (!result.ok) {
        if (result.reason === "not_found") throw notFound("Conflict");
        const [code, message] = REFUSALS[result.reason];
        throw new AppError(code, message);
      }
      const after = await findVisibleConflict(db, "all", conflictId);
      if (!after) throw notFound("Conflict");
      return c.json({ conflict: after.view, contactId: result.contactId }, 200);
    },
  );
