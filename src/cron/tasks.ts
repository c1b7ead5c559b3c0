import { cleanExpiredArtifacts } from "../artifacts/store-artifact";
import { getDb } from "../db/client";
import { pruneSandbox } from "../sandbox/prune-sandbox";
import { pruneWebhookEvents } from "../webhook/prune-webhook-events";
import type { CronTask } from "./scheduled";

export const CRON_TASKS: CronTask[] = [
  {
    name: "clean expired artifacts",
    run: (env, now) =>
      cleanExpiredArtifacts(getDb(env.DB), env.ARTIFACTS, now).then(() => undefined),
  },
  {
    name: "prune webhook de-duplication keys",
    run: (env, now) => pruneWebhookEvents(getDb(env.DB), now),
  },
  {
    name: "prune sandbox records",
    run: (env, now) => pruneSandbox(getDb(env.DB), now),
  },
];
