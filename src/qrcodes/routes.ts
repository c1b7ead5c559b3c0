import { createRoute, z } from "@hono/zod-openapi";
import { changedFields } from "../audit/changed-fields";
import { recordAudit } from "../audit/record-audit";
import { getDb } from "../db/client";
import { notFound } from "../http/errors";
import { errorResponses, idParam, jsonBody, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { qrCodeAuditFields } from "./audit-qrcode";
import { createQrCode } from "./create-qrcode";
import { failureToAppError } from "./failure-to-error";
import { findQrCode, getQrCodeDetails } from "./get-qrcode";
import { listQrCodes } from "./list-qrcodes";
import { presentQrCode } from "./present-qrcode";
import {
  createQrCodeBodySchema,
  listQrCodesQuerySchema,
  qrCodeSchema,
  updateQrCodeBodySchema,
} from "./schemas";
import { deleteQrCodes, updateQrCode } from "./update-qrcode";

export const accountParams = z.object({
  accountId: idParam("accountId", "acc_k3j9x0a1b2c3d4e5"),
});
export const codeParams = accountParams.extend({ id: idParam("id", "qr_k3j9x0a1b2c3d4e5") });
export const qrCodeResponse = (description: string) =>
  jsonResponse(z.object({ qrcode: qrCodeSchema }), description);

const idempotencyHeaders = z.object({
  "idempotency-key": z.string().trim().min(1).max(128).optional().openapi({
    description: "Repeat a creation safely: the same key answers the code made the first time",
  }),
});

/** Creating, listing, reading, editing and deleting an account's codes. */
export const qrCodeRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/accounts/{accountId}/qrcodes",
      tags: ["QR codes"],
      summary: "Create a QR code; WeChat issues its ticket",
      request: {
        params: accountParams,
        headers: idempotencyHeaders,
        body: jsonBody(createQrCodeBodySchema),
      },
      responses: {
        201: qrCodeResponse("Created"),
        200: qrCodeResponse("Already created with this Idempotency-Key"),
        ...errorResponses(400, 404, 409, 502),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const result = await createQrCode(c.env, db, c.get("account"), c.req.valid("json"), {
        idempotencyKey: c.req.valid("header")["idempotency-key"] ?? null,
        createdBy: c.get("auth").userId,
      });
      if (!result.ok) throw failureToAppError(result);
      if (!result.replayed) {
        await recordAudit(db, c, {
          action: "qrcode.create",
          entityType: "qrcode",
          entityId: result.code.id,
          accountId: result.code.accountId,
          after: qrCodeAuditFields(result.code),
        });
      }
      return c.json({ qrcode: presentQrCode(c.env, result.code) }, result.replayed ? 200 : 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/accounts/{accountId}/qrcodes",
      tags: ["QR codes"],
      summary: "Search, filter, sort and page the account's codes, with their numbers",
      request: { params: accountParams, query: listQrCodesQuerySchema },
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(qrCodeSchema), total: z.number().int() }),
          "One page of codes",
        ),
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const page = await listQrCodes(getDb(c.env.DB), c.get("account").id, c.req.valid("query"));
      const now = Date.now();
      const items = page.items.map((i) =>
        presentQrCode(c.env, i.row, { groupName: i.groupName, numbers: i.numbers, now }),
      );
      return c.json({ items, total: page.total }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/accounts/{accountId}/qrcodes/{id}",
      tags: ["QR codes"],
      summary: "One code with its numbers",
      request: { params: codeParams },
      responses: { 200: qrCodeResponse("The code"), ...errorResponses(404) },
    }),
    async (c) => {
      const found = await getQrCodeDetails(
        getDb(c.env.DB),
        c.get("account").id,
        c.req.valid("param").id,
      );
      if (!found) throw notFound("QR code");
      return c.json({ qrcode: presentQrCode(c.env, found.row, found) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/accounts/{accountId}/qrcodes/{id}",
      tags: ["QR codes"],
      summary: "Edit a code: everything but its kind",
      request: { params: codeParams, body: jsonBody(updateQrCodeBodySchema) },
      responses: { 200: qrCodeResponse("The code"), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const code = await findQrCode(db, c.get("account").id, c.req.valid("param").id);
      if (!code) throw notFound("QR code");
      const result = await updateQrCode(db, code, c.req.valid("json"));
      if (!result.ok) throw failureToAppError(result);
      const change = changedFields(qrCodeAuditFields(code), qrCodeAuditFields(result.code));
      if (change) {
        await recordAudit(db, c, {
          action: "qrcode.update",
          entityType: "qrcode",
          entityId: code.id,
          accountId: code.accountId,
          ...change,
        });
      }
      const found = await getQrCodeDetails(db, code.accountId, code.id);
      return c.json({ qrcode: presentQrCode(c.env, result.code, found) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/accounts/{accountId}/qrcodes/{id}",
      tags: ["QR codes"],
      summary: "Delete a code; its statistics stay and its scene is never reused",
      request: { params: codeParams },
      responses: { 204: { description: "Deleted" }, ...errorResponses(404) },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const accountId = c.get("account").id;
      const [deleted] = await deleteQrCodes(db, accountId, [c.req.valid("param").id]);
      if (!deleted) throw notFound("QR code");
      await recordAudit(db, c, {
        action: "qrcode.delete",
        entityType: "qrcode",
        entityId: deleted.id,
        accountId,
        before: { name: deleted.name, scene: deleted.scene },
      });
      return c.body(null, 204);
    },
  );
