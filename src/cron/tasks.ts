import { cleanExpiredArtifacts } from "../artifacts/store-artifact";
import { getDb } from "../db/client";
import type { CronTask } from "./scheduled";

export const CRON_TASKS: CronTask[] = [
  {
    name: "clean expired artifacts",
    run: (env, now) =>
      cleanExpiredArtifacts(getDb(env.DB), env.ARTIFACTS, now).then(() => undefined),
  },
];
