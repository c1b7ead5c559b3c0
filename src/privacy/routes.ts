import { createRoute, z } from "@hono/zod-openapi";
import { recordAudit } from "../audit/record-audit";
import { requireRole } from "../auth/middleware";
import { findVisibleContact } from "../contacts/contact-detail";
import { contactVisibility } from "../contacts/contact-visibility";
import { getDb } from "../db/client";
import { getAccountStub } from "../durable/account-do";
import { AppError, notFound } from "../http/errors";
import { errorResponses, idParam, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { errorFields, log } from "../lib/log";
import { eraseContact } from "./erase-contact";
import { eraseFan } from "./erase-fan";
import { erasedContactSchema, erasedFanSchema } from "./schemas";

const fanParams = z.object({
  accountId: idParam("accountId", "acc_k3j9x0a1b2c3d4e5"),
  fanId: idParam("fanId", "fan_k3j9x0a1b2c3d4e5"),
});
const contactParams = z.object({ contactId: idParam("contactId", "ct_k3j9x0a1b2c3d4e5") });

export const privacyRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/accounts/{accountId}/fans/{fanId}/erase",
      tags: ["Privacy"],
      summary: "Erase a fan's personal data and keep every count (admin or owner)",
      description:
        "The openid becomes a placeholder, the unionid, remark, contact link and WeChat tags are cleared, and no de-duplication key keeps the openid. Scans, rollups and code numbers are unchanged. The same person scanning again arrives as a new fan. The erasure cannot be undone.",
      middleware: [requireRole("admin")] as const,
      request: { params: fanParams },
      responses: {
        200: jsonResponse(z.object({ fan: erasedFanSchema }), "The fan was erased"),
        ...errorResponses(403, 404, 409),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const account = c.get("account");
      const actor = { userId: c.get("auth").userId, now: Date.now() };
      const result = await eraseFan(db, account.id, c.req.valid("param").fanId, actor);
      if (!result.ok && result.reason === "not_found") throw notFound("Fan");
      if (!result.ok) throw new AppError("conflict", "This fan was already erased");

      try {
        await getAccountStub(c.env, account.id).forgetFan(result.fan.id);
      } catch (err) {
        // D1 is already erased; a pending tag leaves the object once its alarm runs.
        log.warn("erased fan tags not dropped", { fanId: result.fan.id, ...errorFields(err) });
      }
      await recordAudit(db, c, {
        action: "fan.erase",
        entityType: "fan",
        entityId: result.fan.id,
        accountId: account.id,
        before: { contactId: result.before.contactId, erasedAt: null },
        after: { contactId: null, erasedAt: result.fan.erasedAt },
      });
      return c.json({ fan: result.fan }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/contacts/{contactId}/erase",
      tags: ["Privacy"],
      summary: "Erase a contact's personal data and keep the form counts (admin or owner)",
      description:
        "Name, mobile, email and fields are blanked, the answers of its form submissions removed, its fans unlinked, its member tags and history dropped. The contact and its submissions stay as erased markers, so the numbers of each code's form are unchanged. The erasure cannot be undone.",
      middleware: [requireRole("admin")] as const,
      request: { params: contactParams },
      responses: {
        200: jsonResponse(z.object({ contact: erasedContactSchema }), "The contact was erased"),
        ...errorResponses(403, 404, 409),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const visible = await contactVisibility(db, c.get("auth"));
      const contact = await findVisibleContact(db, visible, c.req.valid("param").contactId);
      if (!contact) throw notFound("Contact");
      const actor = { userId: c.get("auth").userId, now: Date.now() };
      const result = await eraseContact(db, contact, actor);
      if (!result.ok) throw new AppError("conflict", "This contact was already erased");

      await recordAudit(db, c, {
        action: "contact.erase",
        entityType: "contact",
        entityId: contact.id,
        before: { erasedAt: null },
        after: {
          erasedAt: result.contact.erasedAt,
          submissionsBlanked: result.counts.submissions,
          fansUnlinked: result.counts.fans,
        },
      });
      return c.json({ contact: result.contact }, 200);
    },
  );
