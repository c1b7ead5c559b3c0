import { z } from "@hono/zod-openapi";
import { DEAD_LETTER_STATUSES, JOB_TYPES } from "../db/schema";

export const deadLetterSchema = z
  .object({
    id: z.string(),
    queue: z.string(),
    type: z.string().openapi({
      description: "The message type (run_job, after_scan, deliver_reply), or unknown",
    }),
    accountId: z.string().nullable(),
    jobId: z.string().nullable(),
    jobType: z.enum(JOB_TYPES).nullable().openapi({
      description: "The kind of job a run_job message ran, for a label in the reader's language",
    }),
    summary: z.string().openapi({
      description: "What the message was for, in plain words; never personal data",
    }),
    lastError: z.string().nullable().openapi({ description: "What is known of the failure" }),
    attempts: z.number().int(),
    status: z.enum(DEAD_LETTER_STATUSES),
    createdAt: z.number(),
    retriedAt: z.number().nullable(),
    discardedAt: z.number().nullable(),
  })
  .openapi("DeadLetter");

export const listDeadLettersQuerySchema = z.object({
  status: z
    .enum(DEAD_LETTER_STATUSES)
    .default("open")
    .openapi({ description: "Which dead letters to list; open unless given" }),
});

export type DeadLetter = z.infer<typeof deadLetterSchema>;
