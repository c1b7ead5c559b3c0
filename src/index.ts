import { createApp } from "./app";
import { runScheduled } from "./cron/scheduled";
import { CRON_TASKS } from "./cron/tasks";
import { consumeDeadLetters, consumeJobs } from "./jobs/consumer";

export { AccountDurableObject } from "./durable/account-do";

const app = createApp();

export default {
  fetch: app.fetch,

  async queue(batch, env, ctx) {
    if (batch.queue.endsWith("-dlq")) return consumeDeadLetters(batch, env);
    return consumeJobs(batch, env, ctx);
  },

  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduled(CRON_TASKS, env, controller.scheduledTime));
  },
} satisfies ExportedHandler<Env>;
