import { z } from "@hono/zod-openapi";
import { isPlainName, NAME_CHARACTERS_MESSAGE, nameText } from "../http/name-text";

/** WeChat tag names: at most 30 UTF-8 bytes (wechat.md "Fan tags", 45158), about 10 Chinese characters. */
export const fanTagNameSchema = z
  .string()
  .trim()
  .min(1)
  .refine((name) => new TextEncoder().encode(name).length <= 30, {
    message: "At most 30 bytes in UTF-8 (about 10 Chinese characters)",
  })
  .refine(isPlainName, NAME_CHARACTERS_MESSAGE)
  .openapi({ example: "展会-张经理" });

export const createFanTagBodySchema = z.object({ name: fanTagNameSchema });

export const fanTagSchema = z
  .object({
    id: z.number().int().openapi({ description: "WeChat's tag id" }),
    name: z.string(),
    fanCount: z.number().int(),
    syncedAt: z.number(),
  })
  .openapi("FanTag");

export const fanTagFailureSchema = z
  .object({
    id: z.string(),
    fanId: z.string(),
    openid: z.string().nullable().openapi({ description: "Empty once the fan was erased" }),
    erased: z.boolean(),
    tagId: z.number().int(),
    errcode: z.number().int().nullable(),
    reason: z.string(),
    createdAt: z.number(),
  })
  .openapi("FanTagFailure");

export const retryTagFailuresBodySchema = z
  .object({
    failureIds: z.array(z.string().min(1).max(64)).min(1).max(500).optional().openapi({
      description:
        "Failures of this code to retry; all of them when absent. Ids of other codes are ignored.",
    }),
  })
  .openapi("RetryTagFailuresBody");

export const retryTagFailuresResultSchema = z
  .object({
    requeued: z.number().int().openapi({ description: "Failures queued for a fresh set of tries" }),
    skipped: z
      .number()
      .int()
      .openapi({ description: "Failures of erased fans, which cannot be tagged; their rows stay" }),
  })
  .openapi("RetryTagFailuresResult");

export const createMemberTagBodySchema = z.object({
  name: nameText(50),
  color: z
    .string()
    .regex(/^(#[0-9a-fA-F]{6})?$/, "A colour like #1a7f37, or empty")
    .default(""),
});

export const memberTagSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    color: z.string(),
    contactCount: z.number().int(),
    pendingFanCount: z
      .number()
      .int()
      .openapi({ description: "Fans waiting for a contact to carry the tag" }),
    createdAt: z.number(),
  })
  .openapi("MemberTag");
