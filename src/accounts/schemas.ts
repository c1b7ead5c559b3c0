import { z } from "@hono/zod-openapi";
import { MESSAGE_MODES } from "../db/schema";
import { nameText } from "../http/name-text";

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
    scanRetentionDays: z.number().int().openapi({
      description:
        "Raw scan records older than this many days are removed; 0 keeps them. The numbers stay.",
    }),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .openapi("Account");

/** Whether the runtime knows an IANA zone; `Intl` throws RangeError for unknown ones. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const name = nameText(64);
// WeChat AppIDs read `wx` + 16 hex digits; letters of either case are accepted
// because operators paste them from several places.
const appId = z
  .string()
  .trim()
  .regex(/^wx[0-9a-zA-Z]{16}$/, "AppID reads wx followed by 16 letters or digits");
const appSecret = z.string().trim().min(16).max(128);
const originalId = z
  .string()
  .trim()
  .regex(/^gh_[0-9a-zA-Z]{6,32}$/, "The original id reads gh_ followed by letters or digits");
// WeChat's admin accepts a webhook Token of 3 to 32 letters or digits.
const token = z
  .string()
  .trim()
  .regex(/^[0-9a-zA-Z]{3,32}$/, "The Token is 3 to 32 letters or digits");
// wechat.md: the EncodingAESKey is 43 characters, base64 of 32 bytes without "=".
const encodingAesKey = z
  .string()
  .trim()
  .regex(/^[0-9a-zA-Z+/]{43}$/, "The EncodingAESKey is exactly 43 letters or digits");
const timeZone = z.string().trim().refine(isKnownTimeZone, "Unknown time zone");

export const MIN_SCAN_RETENTION_DAYS = 7;
export const MAX_SCAN_RETENTION_DAYS = 3650;
const RETENTION_MESSAGE = `Keep raw scans for 0 (forever) or ${MIN_SCAN_RETENTION_DAYS} to ${MAX_SCAN_RETENTION_DAYS} days`;
// A week at least, so that a mistyped 1 cannot wipe yesterday's scan records overnight.
const scanRetentionDays = z
  .number({ error: RETENTION_MESSAGE })
  .int(RETENTION_MESSAGE)
  .refine(
    (days) => days === 0 || (days >= MIN_SCAN_RETENTION_DAYS && days <= MAX_SCAN_RETENTION_DAYS),
    RETENTION_MESSAGE,
  )
  .openapi({
    description:
      "Days raw scan records are kept before the cron removes them; 0 keeps them forever. Code numbers are never removed.",
    example: 365,
  });

export const createAccountBodySchema = z
  .object({
    name,
    appId: appId.optional(),
    appSecret: appSecret.optional(),
    originalId: originalId.optional(),
    token: token.optional(),
    encodingAesKey: encodingAesKey.optional(),
    messageMode: z.enum(MESSAGE_MODES).default("safe"),
    timeZone: timeZone.optional(),
    isSandbox: z
      .boolean()
      .default(false)
      .openapi({ description: "Served by the built-in WeChat stand-in; secrets may be omitted" }),
    scanRetentionDays: scanRetentionDays.default(0),
  })
  .superRefine((body, ctx) => {
    if (body.isSandbox) return;
    if (!body.appId) ctx.addIssue({ code: "custom", path: ["appId"], message: "Required" });
    if (!body.appSecret) ctx.addIssue({ code: "custom", path: ["appSecret"], message: "Required" });
  })
  .openapi("CreateAccountBody");

export const updateAccountBodySchema = z
  .object({
    name: name.optional(),
    appId: appId.optional(),
    appSecret: appSecret.optional(),
    originalId: originalId.optional(),
    token: token.optional(),
    encodingAesKey: encodingAesKey.optional(),
    messageMode: z.enum(MESSAGE_MODES).optional(),
    timeZone: timeZone.optional(),
    scanRetentionDays: scanRetentionDays.optional(),
  })
  .strict()
  .openapi("UpdateAccountBody");

export type CreateAccountInput = z.infer<typeof createAccountBodySchema>;
export type UpdateAccountInput = z.infer<typeof updateAccountBodySchema>;

export const connectionCheckSchema = z
  .object({
    ok: z.boolean(),
    message: z
      .string()
      .openapi({ description: "What was checked, or what to fix, in plain words" }),
    errcode: z.number().int().nullable(),
    at: z.number(),
  })
  .openapi("ConnectionCheck");
