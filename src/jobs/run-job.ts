import { getDb } from "../db/client";
import { errorFields, log } from "../lib/log";
import { registerJobHandler } from "./handlers";
import { getJobRunner } from "./runners";
import { finishJob, getJob, markJobRunning } from "./service";

/** The queue handler for `run_job`: loads the job and hands it to its type's runner. */
registerJobHandler("run_job", async (env, message, ctx) => {
  const db = getDb(env.DB);
  const job = await getJob(db, message.jobId);
  if (!job) {
    log.warn("job missing", { jobId: message.jobId });
    return { retry: false };
  }
  if (!(await markJobRunning(db, job.id))) return { retry: false };

  const runner = getJobRunner(job.type);
  if (!runner) {
    await finishJob(db, job.id, { status: "failed", error: `No runner for job type ${job.type}` });
    return { retry: false };
  }
  try {
    return await runner(env, job, ctx);
  } catch (err) {
    log.error("job run failed", { jobId: job.id, type: job.type, ...errorFields(err) });
    return { retry: true, reason: "runner threw" };
  }
});
