import type { CronTask } from "./scheduled";

export const CRON_TASKS: CronTask[] = [];
