import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/middleware";
import { getDb } from "../db/client";
import { AppError, notFound } from "../http/errors";
import { nameText } from "../http/name-text";
import { errorResponses, idParam, jsonBody, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import type { AppEnv } from "../http/types";
import { listMemberTags } from "../tags/member-tag-service";
import { memberTagSchema } from "../tags/schemas";
import { contactVisibility } from "./contact-visibility";
import {
  deleteMemberTag,
  findMemberTag,
  type MemberTagChange,
  mergeMemberTags,
  renameMemberTag,
} from "./member-tag-admin";

const tagParams = z.object({ memberTagId: idParam("memberTagId", "mtag_k3j9x0a1b2c3d4e5") });
const tagResponse = jsonResponse(z.object({ tag: memberTagSchema }), "The tag, with its counts");

const renameBodySchema = z
  .object({
    name: nameText(50).optional(),
    color: z
      .string()
      .regex(/^(#[0-9a-fA-F]{6})?$/, "A colour like #1a7f37, or empty")
      .optional(),
  })
  .refine((b) => b.name !== undefined || b.color !== undefined, "Give a name or a color")
  .openapi("UpdateMemberTagBody");

const mergeBodySchema = z
  .object({ intoMemberTagId: z.string().min(1).max(64) })
  .openapi("MergeMemberTagBody");

function tagOrThrow(result: MemberTagChange) {
  if (result.ok) return result.tag;
  if (result.reason === "not_found") throw notFound("Member tag");
  if (result.reason === "name_taken")
    throw new AppError("conflict", "name: another member tag has this name");
  throw new AppError("bad_request", "intoMemberTagId: a tag cannot be merged into itself");
}

const adminOnly = requireRole("admin");

async function withCounts(c: Context<AppEnv>, id: string) {
  const db = getDb(c.env.DB);
  const tags = await listMemberTags(db, await contactVisibility(db, c.get("auth")));
  const tag = tags.find((t) => t.id === id);
  if (!tag) throw notFound("Member tag");
  return tag;
}

/**
 * Renaming, merging and deleting member tags. Tags are global, so these
 * changes reach every account's contacts, forms and codes: admins only.
 * Listing and creating live with the tags domain (src/tags/routes.ts).
 */
export const memberTagAdminRoutes = createRouter()
  .openapi(
    createRoute({
      method: "patch",
      path: "/member-tags/{memberTagId}",
      tags: ["Tags"],
      middleware: [adminOnly] as const,
      summary: "Rename a member tag or change its color",
      request: { params: tagParams, body: jsonBody(renameBodySchema) },
      responses: { 200: tagResponse, ...errorResponses(400, 403, 404, 409) },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const { memberTagId } = c.req.valid("param");
      const before = await findMemberTag(db, memberTagId);
      const tag = tagOrThrow(await renameMemberTag(db, memberTagId, c.req.valid("json")));
      await recordAudit(db, c, {
        action: "member_tag.update",
        entityType: "member_tag",
        entityId: tag.id,
        before: before ? { name: before.name, color: before.color } : null,
        after: { name: tag.name, color: tag.color },
      });
      return c.json({ tag: await withCounts(c, tag.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/member-tags/{memberTagId}/merge",
      tags: ["Tags"],
      middleware: [adminOnly] as const,
      summary:
        "Merge a member tag into another: its contacts, pending fans, forms and codes move over, then it is deleted",
      request: { params: tagParams, body: jsonBody(mergeBodySchema) },
      responses: { 200: tagResponse, ...errorResponses(400, 403, 404) },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const { memberTagId } = c.req.valid("param");
      const { intoMemberTagId } = c.req.valid("json");
      const tag = tagOrThrow(await mergeMemberTags(db, memberTagId, intoMemberTagId));
      await recordAudit(db, c, {
        action: "member_tag.merge",
        entityType: "member_tag",
        entityId: memberTagId,
        after: { mergedInto: intoMemberTagId },
      });
      return c.json({ tag: await withCounts(c, tag.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/member-tags/{memberTagId}",
      tags: ["Tags"],
      middleware: [adminOnly] as const,
      summary: "Delete a member tag from every contact, pending fan, form and code",
      request: { params: tagParams },
      responses: { 204: { description: "Deleted" }, ...errorResponses(403, 404) },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const { memberTagId } = c.req.valid("param");
      const before = await findMemberTag(db, memberTagId);
      if (!before || !(await deleteMemberTag(db, memberTagId))) throw notFound("Member tag");
      await recordAudit(db, c, {
        action: "member_tag.delete",
        entityType: "member_tag",
        entityId: memberTagId,
        before: { name: before.name, color: before.color },
      });
      return c.body(null, 204);
    },
  );
