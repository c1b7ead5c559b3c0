import { createRoute, z } from "@hono/zod-openapi";
import { getDb } from "../db/client";
import { errorResponses, idParam, jsonBody, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { presentJob } from "../jobs/present-job";
import { jobSchema } from "../jobs/schemas";
import { fansExportBodySchema, scansExportBodySchema } from "./schemas";
import { startFansExport, startScansExport } from "./start-export";

const accountParams = z.object({ accountId: idParam("accountId", "acc_k3j9x0a1b2c3d4e5") });
const jobAccepted = jsonResponse(
  z.object({ job: jobSchema }),
  "Queued; follow it at GET /api/jobs/{jobId}, whose downloadUrl is a signed link when done",
);

export const exportRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/accounts/{accountId}/qrcodes/{id}/fans/export",
      tags: ["Exports"],
      summary: "Exports the code's fan list (with the list's filter) as XLSX or CSV",
      request: {
        params: accountParams.extend({ id: idParam("id", "qr_k3j9x0a1b2c3d4e5") }),
        body: jsonBody(fansExportBodySchema),
      },
      responses: { 202: jobAccepted, ...errorResponses(400, 403, 404) },
    }),
    async (c) => {
      const starter = {
        db: getDb(c.env.DB),
        queue: c.env.JOBS,
        accountId: c.get("account").id,
        userId: c.get("auth").userId,
      };
      const body = c.req.valid("json");
      const job = await startFansExport(starter, { ...body, qrcodeId: c.req.valid("param").id });
      return c.json({ job: presentJob(job, null) }, 202);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/accounts/{accountId}/scans/export",
      tags: ["Exports"],
      summary: "Exports the scan records of several codes into one XLSX or CSV file",
      request: { params: accountParams, body: jsonBody(scansExportBodySchema) },
      responses: { 202: jobAccepted, ...errorResponses(400, 403, 404) },
    }),
    async (c) => {
      const starter = {
        db: getDb(c.env.DB),
        queue: c.env.JOBS,
        accountId: c.get("account").id,
        userId: c.get("auth").userId,
      };
      const job = await startScansExport(starter, c.req.valid("json"));
      return c.json({ job: presentJob(job, null) }, 202);
    },
  );
