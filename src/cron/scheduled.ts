import { errorFields, log } from "../lib/log";

/** A periodic task; each runs on its own so one failure does not stop the others. */
export type CronTask = { name: string; run: (env: Env, now: number) => Promise<void> };

/** Tasks run by the cron trigger. Domains append theirs in src/cron/tasks.ts. */
export async function runScheduled(tasks: CronTask[], env: Env, now: number) {
  for (const task of tasks) {
    try {
      await task.run(env, now);
    } catch (err) {
      log.error("cron task failed", { task: task.name, ...errorFields(err) });
    }
  }
}
