import { createRoute, z } from "@hono/zod-openapi";
import { recordAudit } from "../audit/record-audit";
import { getDb } from "../db/client";
import { NAMES_FILE_MAX_BYTES } from "../files/read-names-file";
import { AppError } from "../http/errors";
import { errorResponses, idParam, jsonBody, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { presentJob } from "../jobs/present-job";
import { jobSchema } from "../jobs/schemas";
import { failureToAppError } from "../qrcodes/failure-to-error";
import { confirmImport } from "./confirm-import";
import { loadImport, type StoredImport, saveImport } from "./import-store";
import { previewImport } from "./preview-import";
import {
  confirmImportBodySchema,
  type ImportPreview,
  importPreviewSchema,
  importUploadSchema,
} from "./schemas";

const accountParams = z.object({ accountId: idParam("accountId", "acc_k3j9x0a1b2c3d4e5") });
const importParams = accountParams.extend({
  importId: idParam("importId", "imp_k3j9x0a1b2c3d4e5"),
});
/** The multipart envelope may add a little to the largest names file. */
const MAX_UPLOAD_BYTES = NAMES_FILE_MAX_BYTES + 64 * 1024;
const previewResponse = (d: string) => jsonResponse(z.object({ import: importPreviewSchema }), d);

function presentPreview(record: StoredImport): ImportPreview {
  const { accountId: _accountId, createdBy: _createdBy, ...preview } = record;
  return preview;
}

/** Batch creation: upload a names file, see its rows and problems, confirm into a job. */
export const importRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/accounts/{accountId}/qrcodes/imports",
      tags: ["QR code imports"],
      summary: "Upload a CSV (UTF-8 or GBK) or XLSX of names; answers the preview",
      request: {
        params: accountParams,
        body: {
          required: true,
          content: { "multipart/form-data": { schema: importUploadSchema } },
        },
      },
      responses: {
        201: previewResponse("Parsed rows with their problems"),
        ...errorResponses(400, 404, 413),
      },
    }),
    async (c) => {
      // Refused before the form is parsed, which would hold all of it in memory.
      if (Number(c.req.header("Content-Length") ?? "0") > MAX_UPLOAD_BYTES)
        throw new AppError(
          "payload_too_large",
          `The file is larger than ${NAMES_FILE_MAX_BYTES / 1024 / 1024} MB.`,
        );
      // The schema documents and requires the field; the runtime File comes from the parsed form.
      const file = (await c.req.parseBody()).file;
      if (!(file instanceof File))
        throw new AppError("bad_request", "file: Attach a CSV or XLSX file");
      const result = await previewImport(getDb(c.env.DB), c.get("account"), {
        bytes: new Uint8Array(await file.arrayBuffer()),
        fileName: file.name,
        createdBy: c.get("auth").userId,
      });
      if (!result.ok) throw new AppError(result.reason, result.message);
      await saveImport(c.env.ARTIFACTS, result.record);
      return c.json({ import: presentPreview(result.record) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/accounts/{accountId}/qrcodes/imports/{importId}",
      tags: ["QR code imports"],
      summary: "The preview of an upload, and its job once confirmed",
      request: { params: importParams },
      responses: { 200: previewResponse("The preview"), ...errorResponses(404) },
    }),
    async (c) => {
      const record = await loadImport(
        c.env.ARTIFACTS,
        c.get("account").id,
        c.req.valid("param").importId,
      );
      if (!record) throw new AppError("not_found", "Import not found");
      return c.json({ import: presentPreview(record) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/accounts/{accountId}/qrcodes/imports/{importId}/confirm",
      tags: ["QR code imports"],
      summary: "Create the codes with shared settings in a queued job",
      request: { params: importParams, body: jsonBody(confirmImportBodySchema) },
      responses: {
        202: jsonResponse(z.object({ job: jobSchema }), "The job; poll GET /api/jobs/{jobId}"),
        ...errorResponses(400, 404, 409, 410),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const { importId } = c.req.valid("param");
      const input = c.req.valid("json");
      const result = await confirmImport(
        c.env,
        db,
        c.get("account"),
        importId,
        input,
        c.get("auth").userId,
      );
      if (!result.ok) throw failureToAppError(result);
      // One entry per confirmed batch, not per code: the job's codes are its result.
      if (!result.replayed) {
        await recordAudit(db, c, {
          action: "qrcode.import",
          entityType: "import",
          entityId: importId,
          accountId: result.job.accountId,
          after: {
            jobId: result.job.id,
            count: result.job.total,
            fileName: result.job.params.fileName ?? null,
            kind: input.kind,
            skipProblemRows: input.skipProblemRows,
          },
        });
      }
      return c.json({ job: presentJob(result.job, null) }, 202);
    },
  );
