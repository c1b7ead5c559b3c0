import { createRoute, z } from "@hono/zod-openapi";
import { recordAudit } from "../audit/record-audit";
import { getDb } from "../db/client";
import { AppError, notFound } from "../http/errors";
import { errorResponses, idParam, jsonBody, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { zonedRangeBounds } from "../stats/zoned-day";
import { getFormNumbers } from "./form-numbers";
import {
  countFormActivity,
  createForm,
  deleteForm,
  type FormWriteResult,
  getForm,
  listForms,
  updateForm,
} from "./form-store";
import { presentForm } from "./present-form";
import { findAccountQrcode } from "./qrcode-lookup";
import {
  createFormBodySchema,
  formNumbersSchema,
  formSchema,
  formStatsQuerySchema,
  submissionListSchema,
  submissionsQuerySchema,
  updateFormBodySchema,
} from "./schemas";
import { listFormSubmissions } from "./submissions";

const accountParam = { accountId: idParam("accountId", "acc_k3j9x0a1b2c3d4e5") };
const formParams = z.object({
  ...accountParam,
  formId: idParam("formId", "form_k3j9x0a1b2c3d4e5"),
});

function formOrThrow(result: FormWriteResult) {
  if (result.ok) return result.form;
  if (result.reason === "not_found") throw notFound("Form");
  if (result.reason === "invalid") throw new AppError("bad_request", result.message);
  throw new AppError("bad_request", `memberTagIds: unknown member tag ${result.ids.join(", ")}`);
}

async function withCounts(db: ReturnType<typeof getDb>, form: Parameters<typeof presentForm>[0]) {
  const counts = await countFormActivity(db, [form.id]);
  return presentForm(form, counts.get(form.id) ?? { views: 0, submissions: 0 });
}

export const formRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/accounts/{accountId}/forms",
      tags: ["Forms"],
      summary: "The account's forms with their view and submission counts",
      request: { params: z.object(accountParam) },
      responses: {
        200: jsonResponse(z.object({ forms: z.array(formSchema) }), "Forms"),
        ...errorResponses(404),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const rows = await listForms(db, c.get("account").id);
      const counts = await countFormActivity(
        db,
        rows.map((f) => f.id),
      );
      const empty = { views: 0, submissions: 0 };
      return c.json({ forms: rows.map((f) => presentForm(f, counts.get(f.id) ?? empty)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/accounts/{accountId}/forms",
      tags: ["Forms"],
      summary: "Create a form; its page is served at /f/{formId}",
      request: { params: z.object(accountParam), body: jsonBody(createFormBodySchema) },
      responses: {
        201: jsonResponse(z.object({ form: formSchema }), "Created"),
        ...errorResponses(400, 403, 404),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const form = formOrThrow(await createForm(db, c.get("account").id, c.req.valid("json")));
      await recordAudit(db, c, {
        action: "form.create",
        entityType: "form",
        entityId: form.id,
        accountId: form.accountId,
        after: { name: form.name, keyField: form.keyField },
      });
      return c.json({ form: presentForm(form, { views: 0, submissions: 0 }) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/accounts/{accountId}/forms/{formId}",
      tags: ["Forms"],
      summary: "One form",
      request: { params: formParams },
      responses: {
        200: jsonResponse(z.object({ form: formSchema }), "The form"),
        ...errorResponses(404),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const form = await getForm(db, c.get("account").id, c.req.valid("param").formId);
      if (!form) throw notFound("Form");
      return c.json({ form: await withCounts(db, form) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/accounts/{accountId}/forms/{formId}",
      tags: ["Forms"],
      summary: "Change a form; the result must still contain its key field",
      request: { params: formParams, body: jsonBody(updateFormBodySchema) },
      responses: {
        200: jsonResponse(z.object({ form: formSchema }), "Updated"),
        ...errorResponses(400, 403, 404),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const { formId } = c.req.valid("param");
      const patch = c.req.valid("json");
      const form = formOrThrow(await updateForm(db, c.get("account").id, formId, patch));
      await recordAudit(db, c, {
        action: "form.update",
        entityType: "form",
        entityId: form.id,
        accountId: form.accountId,
        after: patch,
      });
      return c.json({ form: await withCounts(db, form) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/accounts/{accountId}/forms/{formId}",
      tags: ["Forms"],
      summary: "Delete a form that no live code uses; its submissions stay",
      request: { params: formParams },
      responses: {
        204: { description: "Deleted" },
        ...errorResponses(403, 404, 409),
      },
    }),
    async (c) => {
      const { formId } = c.req.valid("param");
      const db = getDb(c.env.DB);
      const result = await deleteForm(db, c.get("account").id, formId);
      if (!result.ok && result.reason === "not_found") throw notFound("Form");
      if (!result.ok) {
        throw new AppError("conflict", "QR codes still send this form; detach it from them first", {
          details: { qrcodeIds: result.reason === "in_use" ? result.qrcodeIds : [] },
        });
      }
      await recordAudit(db, c, {
        action: "form.delete",
        entityType: "form",
        entityId: formId,
        accountId: c.get("account").id,
      });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/accounts/{accountId}/forms/{formId}/submissions",
      tags: ["Forms"],
      summary: "A form's submissions, newest first, with the values as submitted",
      request: { params: formParams, query: submissionsQuerySchema },
      responses: {
        200: jsonResponse(submissionListSchema, "Submissions"),
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const form = await getForm(db, c.get("account").id, c.req.valid("param").formId);
      if (!form) throw notFound("Form");
      return c.json(await listFormSubmissions(db, form.id, c.req.valid("query")), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/accounts/{accountId}/qrcodes/{qrcodeId}/form-stats",
      tags: ["Forms"],
      summary: "Forms opened, submitted and matched to contacts through this code",
      request: {
        params: z.object({ ...accountParam, qrcodeId: idParam("qrcodeId", "qr_k3j9x0a1b2c3d4e5") }),
        query: formStatsQuerySchema,
      },
      responses: {
        200: jsonResponse(z.object({ numbers: formNumbersSchema }), "Form numbers"),
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const code = await findAccountQrcode(db, c.get("account").id, c.req.valid("param").qrcodeId);
      if (!code) throw notFound("QR code");
      const numbers = await getFormNumbers(
        db,
        [code.id],
        zonedRangeBounds(c.req.valid("query"), c.get("account").timeZone),
      );
      return c.json(
        { numbers: numbers.get(code.id) ?? { opened: 0, submitted: 0, matched: 0 } },
        200,
      );
    },
  );
