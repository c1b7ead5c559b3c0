import { createRoute, z } from "@hono/zod-openapi";
import { visibleAccountIds } from "../accounts/access";
import { signDownloadPath } from "../artifacts/download-links";
import { getDb } from "../db/client";
import { notFound } from "../http/errors";
import { errorResponses, idParam, jsonResponse } from "../http/openapi-common";
import { createRouter } from "../http/router";
import { presentJob } from "./present-job";
import type { JobRow } from "./runners";
import { jobSchema } from "./schemas";
import { getJob, listAccountJobs } from "./service";

async function presentWithLink(env: Env, job: JobRow) {
  const link =
    job.artifactId && job.status === "succeeded"
      ? await signDownloadPath(env.SIGNING_KEY, job.artifactId)
      : null;
  return presentJob(job, link);
}

export const jobRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/jobs/{jobId}",
      tags: ["Jobs"],
      summary: "Status, progress, failures and download link of a job",
      request: { params: z.object({ jobId: idParam("jobId", "job_k3j9x0a1b2c3d4e5") }) },
      responses: {
        200: jsonResponse(z.object({ job: jobSchema }), "The job"),
        ...errorResponses(404),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const job = await getJob(db, c.req.valid("param").jobId);
      const visible = await visibleAccountIds(db, c.get("auth"));
      const allowed =
        job &&
        (job.accountId === null
          ? job.createdBy === c.get("auth").userId
          : visible === "all" || visible.includes(job.accountId));
      if (!job || !allowed) throw notFound("Job");
      return c.json({ job: await presentWithLink(c.env, job) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/accounts/{accountId}/jobs",
      tags: ["Jobs"],
      summary: "The account's recent jobs, newest first",
      request: { params: z.object({ accountId: idParam("accountId", "acc_k3j9x0a1b2c3d4e5") }) },
      responses: {
        200: jsonResponse(z.object({ jobs: z.array(jobSchema) }), "Jobs"),
        ...errorResponses(404),
      },
    }),
    async (c) => {
      const rows = await listAccountJobs(getDb(c.env.DB), c.get("account").id);
      return c.json({ jobs: await Promise.all(rows.map((j) => presentWithLink(c.env, j))) }, 200);
    },
  );
