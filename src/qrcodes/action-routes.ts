import { createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { getDb } from "../db/client";
import { qrGroups } from "../db/schema";
import { notFound } from "../http/errors";
import { errorResponses, jsonBody, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { failureToAppError } from "./failure-to-error";
import { findQrCode } from "./get-qrcode";
import { presentQrCode } from "./present-qrcode";
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

/** Archive, renew, and the bulk actions on selected codes. */
export const qrCodeActionRoutes = createRouter()
  .openapi(statusRoute("archive"), async (c) => {
    const { accountId, id } = c.req.valid("param");
    const row = await setQrCodeStatus(getDb(c.env.DB), accountId, id, "archived");
    if (!row) throw notFound("QR code");
    return c.json({ qrcode: presentQrCode(c.env, row) }, 200);
  })
  .openapi(statusRoute("unarchive"), async (c) => {
    const { accountId, id } = c.req.valid("param");
    const row = await setQrCodeStatus(getDb(c.env.DB), accountId, id, "active");
    if (!row) throw notFound("QR code");
    return c.json({ qrcode: presentQrCode(c.env, row) }, 200);
  })
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
      const { ids } = c.req.valid("json");
      const count = await deleteQrCodes(getDb(c.env.DB), c.get("account").id, ids);
      return c.json({ count }, 200);
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
      return c.json({ count: await moveQrCodes(db, accountId, ids, groupId) }, 200);
    },
  );
