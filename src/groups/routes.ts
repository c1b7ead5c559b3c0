import { createRoute, z } from "@hono/zod-openapi";
import { auditInsert, recordAudit } from "../audit/record-audit";
import { getDb } from "../db/client";
import { AppError, notFound } from "../http/errors";
import { errorResponses, idParam, jsonBody, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { createGroup, deleteGroup, findGroup, listGroups, renameGroup } from "./manage-groups";
import { groupBodySchema, groupSchema } from "./schemas";

const accountParams = z.object({ accountId: idParam("accountId", "acc_k3j9x0a1b2c3d4e5") });
const groupParams = accountParams.extend({ groupId: idParam("groupId", "grp_k3j9x0a1b2c3d4e5") });
const groupResponse = (d: string) => jsonResponse(z.object({ group: groupSchema }), d);
const nameTaken = () => new AppError("conflict", "The account already has a group of this name");

export const groupRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/accounts/{accountId}/groups",
      tags: ["QR groups"],
      summary: "The account's code groups with how many codes each holds",
      request: { params: accountParams },
      responses: {
        200: jsonResponse(z.object({ groups: z.array(groupSchema) }), "Groups"),
        ...errorResponses(404),
      },
    }),
    async (c) => c.json({ groups: await listGroups(getDb(c.env.DB), c.get("account").id) }, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/accounts/{accountId}/groups",
      tags: ["QR groups"],
      summary: "Create a group",
      request: { params: accountParams, body: jsonBody(groupBodySchema) },
      responses: { 201: groupResponse("Created"), ...errorResponses(400, 404, 409) },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const result = await createGroup(db, c.get("account").id, c.req.valid("json").name);
      if (!result.ok) throw nameTaken();
      await recordAudit(db, c, {
        action: "group.create",
        entityType: "group",
        entityId: result.group.id,
        accountId: result.group.accountId,
        after: { name: result.group.name },
      });
      return c.json({ group: { ...result.group, codeCount: 0 } }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/accounts/{accountId}/groups/{groupId}",
      tags: ["QR groups"],
      summary: "Rename a group",
      request: { params: groupParams, body: jsonBody(groupBodySchema) },
      responses: { 200: groupResponse("Renamed"), ...errorResponses(400, 404, 409) },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const accountId = c.get("account").id;
      const group = await findGroup(db, accountId, c.req.valid("param").groupId);
      if (!group) throw notFound("Group");
      const result = await renameGroup(db, group, c.req.valid("json").name);
      if (!result.ok) throw nameTaken();
      if (result.group.name !== group.name) {
        await recordAudit(db, c, {
          action: "group.update",
          entityType: "group",
          entityId: group.id,
          accountId,
          before: { name: group.name },
          after: { name: result.group.name },
        });
      }
      const counted = (await listGroups(db, accountId)).find((g) => g.id === group.id);
      return c.json({ group: { ...result.group, codeCount: counted?.codeCount ?? 0 } }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/accounts/{accountId}/groups/{groupId}",
      tags: ["QR groups"],
      summary: "Delete a group; its codes move to no group",
      request: { params: groupParams },
      responses: { 204: { description: "Deleted" }, ...errorResponses(404) },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const group = await findGroup(db, c.get("account").id, c.req.valid("param").groupId);
      if (!group) throw notFound("Group");
      await deleteGroup(
        db,
        group,
        auditInsert(db, c, {
          action: "group.delete",
          entityType: "group",
          entityId: group.id,
          accountId: group.accountId,
          before: { name: group.name },
        }),
      );
      return c.body(null, 204);
    },
  );
