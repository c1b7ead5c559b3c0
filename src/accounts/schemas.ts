import { z } from "@hono/zod-openapi";
import { MESSAGE_MODES } from "../db/schema";

/** An account as the API shows it: secrets are never returned, only whether they are set. */
export const accountSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    appId: z.string(),
    originalId: z.string(),
    messageMode: z.enum(MESSAGE_MODES),
    timeZone: z.string(),
    isSandbox: z.boolean(),
    secrets: z.object({
      appSecret: z.boolean(),
      token: z.boolean(),
      encodingAesKey: z.boolean(),
    }),
    webhookPath: z
      .string()
      .openapi({ description: "Path of this account's webhook; prefix with the public origin" }),
    lastCheck: z.object({ at: z.number(), ok: z.boolean(), message: z.string() }).nullable(),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .openapi("Account");
