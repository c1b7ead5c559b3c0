import { cleanExpiredArtifacts } from "../artifacts/store-artifact";
import { getDb } from "../db/client";
import { pruneImports } from "../imports/prune-imports";
import { autoRenewQrCodes } from "../qrcodes/auto-renew";
import { pruneSandbox } from "../sandbox/prune-sandbox";
import { pruneOldScans } from "../scans/prune-scans";
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
  {
    name: "auto-renew temporary qrcodes",
    run: (env, now) => autoRenewQrCodes(env, getDb(env.DB), now).then(() => undefined),
  },
  {
    name: "prune qrcode imports",
    run: (env, now) => pruneImports(env.ARTIFACTS, now).then(() => undefined),
  },
  {
    name: "prune raw scans past each account's retention",
    run: (env, now) => pruneOldScans(env, now).then(() => undefined),
  },
];
