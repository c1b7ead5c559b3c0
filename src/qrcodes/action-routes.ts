import { createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import { recordAudit } from "../audit/record-audit";
import { recordAuditMany } from "../audit/record-audit-many";
import { getDb } from "../db/client";
import { qrGroups } from "../db/schema";
import { notFound } from "../http/errors";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import type { AppEnv } from "../http/types";
import { failureToAppError } from "./failure-to-error";
import { findQrCode } from "./get-qrcode";
import { presentQrCode, type QrCodeRow } from "./present-qrcode";
import { renewQrCode } from "./renew-qrcode";
import { accountParams, codeParams, qrCodeResponse } from "./routes";
import { moveQrCodesBodySchema, qrCodeIdsBodySchema } from "./schemas";
import { deleteQrCodes, moveQrCodes, setQrCodeStatus } from "./update-qrcode";

const countResponse = (description: string) =>
  jsonResponse(z.object({ count: z.number().int() }), description);

function statusRoute(action: "archive" | "unarchive") {
  return createRoute({
    method: "post",
    path: `/accounts/{accountId}/qrcodes/{id}/${action}`,
    tags: ["QR codes"],
    summary:
      action === "archive"
        ? "Archive a code: hidden from the active list, still scannable"
        : "Bring an archived code back",
    request: { params: codeParams },
    responses: { 200: qrCodeResponse("The code"), ...errorResponses(404) },
  });
}

/** Archives or brings back a code; the log records it only when the status really changed. */
async function setStatus(c: Context<AppEnv>, id: string, status: QrCodeRow["status"]) {
  const db = getDb(c.env.DB);
  const accountId = c.get("account").id;
  const before = await findQrCode(db, accountId, id);
  const row = before && (await setQrCodeStatus(db, accountId, id, status));
  if (!row) throw notFound("QR code");
  if (before.status !== row.status) {
    await recordAudit(db, c, {
      action: status === "archived" ? "qrcode.archive" : "qrcode.unarchive",
      entityType: "qrcode",
      entityId: id,
      accountId,
      before: { name: row.name, status: before.status },
      after: { name: row.name, status: row.status },
    });
  }
  return c.json({ qrcode: presentQrCode(c.env, row) }, 200);
}

/** Archive, renew, and the bulk actions on selected codes. */
export const qrCodeActionRoutes = createRouter()
  .openapi(statusRoute("archive"), (c) => setStatus(c, c.req.valid("param").id, "archived"))
  .openapi(statusRoute("unarchive"), (c) => setStatus(c, c.req.valid("param").id, "active"))
  .openapi(
    createRoute({
      method: "post",
      path: "/accounts/{accountId}/qrcodes/{id}/renew",
      tags: ["QR codes"],
      summary: "New ticket for the same scene of a temporary code; statistics carry on",
      request: { params: codeParams },
      responses: { 200: qrCodeResponse("The renewed code"), ...errorResponses(400, 404, 409, 502) },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const account = c.get("account");
      const code = await findQrCode(db, account.id, c.req.valid("param").id);
      if (!code) throw notFound("QR code");
      const result = await renewQrCode(c.env, db, account, code);
      if (!result.ok) throw failureToAppError(result);
      await recordAudit(db, c, {
        action: "qrcode.renew",
        entityType: "qrcode",
        entityId: code.id,
        accountId: account.id,
        before: { name: code.name, expiresAt: code.expiresAt, renewedAt: code.renewedAt },
        after: {
          name: code.name,
          expiresAt: result.code.expiresAt,
          renewedAt: result.code.renewedAt,
        },
      });
      return c.json({ qrcode: presentQrCode(c.env, result.code) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/accounts/{accountId}/qrcodes/bulk-delete",
      tags: ["QR codes"],
      summary: "Delete several codes; ids of other accounts are ignored",
      request: { params: accountParams, body: jsonBody(qrCodeIdsBodySchema) },
      responses: { 200: countResponse("How many were deleted"), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const accountId = c.get("account").id;
      const deleted = await deleteQrCodes(db, accountId, c.req.valid("json").ids);
      await recordAuditMany(
        db,
        c,
        { action: "qrcode.delete", entityType: "qrcode", accountId },
        deleted.map((d) => ({ entityId: d.id, before: { name: d.name, scene: d.scene } })),
      );
      return c.json({ count: deleted.length }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/accounts/{accountId}/qrcodes/move",
      tags: ["QR codes"],
      summary: "Move codes to a group, or to no group",
      request: { params: accountParams, body: jsonBody(moveQrCodesBodySchema) },
      responses: { 200: countResponse("How many were moved"), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const accountId = c.get("account").id;
      const { ids, groupId } = c.req.valid("json");
      if (groupId) {
        const group = await db.query.qrGroups.findFirst({
          where: and(eq(qrGroups.id, groupId), eq(qrGroups.accountId, accountId)),
        });
        if (!group) throw notFound("Group");
      }
      const moved = await moveQrCodes(db, accountId, ids, groupId);
      await recordAuditMany(
        db,
        c,
        { action: "qrcode.move", entityType: "qrcode", accountId },
        moved
          .filter((m) => m.groupId !== groupId)
          .map((m) => ({
            entityId: m.id,
            before: { name: m.name, groupId: m.groupId },
            after: { name: m.name, groupId },
          })),
      );
      return c.json({ count: moved.length }, 200);
    },
  );
