import { createRoute, z } from "@hono/zod-openapi";
import { getDb } from "../db/client";
import { errorResponses, idParam, jsonBody, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { presentJob } from "../jobs/present-job";
import { jobSchema } from "../jobs/schemas";
import { failureToAppError } from "../qrcodes/failure-to-error";
import { createDownload } from "./create-download";
import { createDownloadBodySchema } from "./schemas";

const accountParams = z.object({ accountId: idParam("accountId", "acc_k3j9x0a1b2c3d4e5") });

export const downloadRoutes = createRouter().openapi(
  createRoute({
    method: "post",
    path: "/accounts/{accountId}/qrcodes/downloads",
    tags: ["QR codes"],
    summary: "ZIP of the selected codes' images and a manifest CSV, written by a queued job",
    request: { params: accountParams, body: jsonBody(createDownloadBodySchema) },
    responses: {
      202: jsonResponse(
        z.object({ job: jobSchema }),
        "The job; its downloadUrl is a signed link once it succeeded",
      ),
      ...errorResponses(400, 404, 409),
    },
  }),
  async (c) => {
    const result = await createDownload(
      c.env,
      getDb(c.env.DB),
      c.get("account"),
      c.req.valid("json"),
      c.get("auth").userId,
    );
    if (!result.ok) throw failureToAppError(result);
    return c.json({ job: presentJob(result.job, null) }, 202);
  },
);
