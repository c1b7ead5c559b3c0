import { z } from "zod";

/**
 * Every message on the jobs queue. Each kind names its handler in
 * `handlers.ts`; bodies are validated here before any handler sees them.
 */
export const jobMessageSchema = z.discriminatedUnion("type", [
  /** Run (or resume) a job row from the `jobs` table. */
  z.object({ type: z.literal("run_job"), jobId: z.string() }),
  /** Deferred WeChat work after a scan: fan tags, member tags, reply messages. */
  z.object({ type: z.literal("after_scan"), accountId: z.string(), scanId: z.number().int() }),
  /** Retry of one reply delivery that failed with a retryable error. */
  z.object({ type: z.literal("deliver_reply"), deliveryId: z.string() }),
]);

export type JobMessage = z.infer<typeof jobMessageSchema>;
export type JobMessageType = JobMessage["type"];
