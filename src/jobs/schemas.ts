import { z } from "@hono/zod-openapi";
import { JOB_STATUSES, JOB_TYPES } from "../db/schema";

export const jobSchema = z
  .object({
    id: z.string(),
    accountId: z.string().nullable(),
    type: z.enum(JOB_TYPES),
    status: z.enum(JOB_STATUSES),
    total: z.number().int(),
    done: z.number().int(),
    failed: z.number().int(),
    result: z
      .record(z.string(), z.unknown())
      .openapi({ description: "Type-specific outcome, e.g. failures per row" }),
    error: z.string().nullable(),
    downloadUrl: z
      .string()
      .nullable()
      .openapi({ description: "Signed link, valid for an hour, when the job made a file" }),
    createdAt: z.number(),
    startedAt: z.number().nullable(),
    finishedAt: z.number().nullable(),
  })
  .openapi("Job");
