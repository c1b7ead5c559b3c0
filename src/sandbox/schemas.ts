import { z } from "@hono/zod-openapi";

const scanInputSchema = z
  .object({
    openid: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .openapi({ description: "The fan; a new one when left out" }),
    scene: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .openapi({ description: "The code's scene (scene_id as text or scene_str)" }),
    kind: z.enum(["scan", "subscribe", "unsubscribe"]).default("scan").openapi({
      description:
        "`scan`: subscribe for a non-follower, SCAN for a follower, as WeChat decides. `subscribe`/`unsubscribe` force that event",
    }),
    createTime: z
      .number()
      .int()
      .positive()
      .optional()
      .openapi({ description: "Unix seconds; backdate to seed history" }),
  })
  .refine((s) => s.kind !== "scan" || s.scene !== undefined, {
    message: "scene is required for a scan",
    path: ["scene"],
  });

export const simulateScansBodySchema = z
  .union([scanInputSchema, z.object({ scans: z.array(scanInputSchema).min(1).max(500) })])
  .openapi("SimulateScans");

const xmlFieldsSchema = z.record(z.string(), z.string());

export const webhookAnswerSchema = z.union([
  z.object({ kind: z.literal("success") }),
  z.object({
    kind: z.literal("reply"),
    msgType: z.string(),
    xml: z.string(),
    fields: xmlFieldsSchema,
  }),
  z.object({ kind: z.literal("invalid"), reason: z.string(), body: z.string() }),
  z.object({ kind: z.literal("http_error"), status: z.number().int(), body: z.string() }),
  z.object({ kind: z.literal("timeout") }),
]);

export const scanDeliverySchema = z
  .object({
    openid: z.string(),
    event: z.enum(["subscribe", "SCAN", "unsubscribe"]),
    eventKey: z.string().nullable(),
    ticket: z.string().nullable(),
    createTime: z.number().int(),
    attempts: z
      .number()
      .int()
      .openapi({ description: "Deliveries made; more than 1 when the webhook took over 5 s" }),
    answer: webhookAnswerSchema,
  })
  .openapi("ScanDelivery");

export const sandboxFanSchema = z
  .object({
    openid: z.string(),
    following: z.boolean(),
    subscribeTime: z.number().int().nullable(),
    subscribeScene: z.string().nullable(),
    tagIds: z.array(z.number().int()),
  })
  .openapi("SandboxFan");

export const sandboxCallSchema = z
  .object({
    id: z.number().int(),
    path: z.string(),
    body: z.unknown(),
    errcode: z.number().int(),
    createdAt: z.number().int(),
  })
  .openapi("SandboxCall");

export const listCallsQuerySchema = z.object({
  path: z.string().startsWith("/").optional().openapi({ example: "/cgi-bin/message/custom/send" }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const addFaultBodySchema = z
  .object({
    path: z.string().min(1).default("*").openapi({
      example: "/cgi-bin/qrcode/create",
      description: "A WeChat API path, or * for any",
    }),
    errcode: z
      .number()
      .int()
      .nullable()
      .default(null)
      .openapi({ example: 45011, description: "Null answers normally (after delayMs)" }),
    errmsg: z.string().max(200).optional(),
    delayMs: z.number().int().min(0).max(30_000).default(0),
    times: z.number().int().min(1).max(1000).default(1),
  })
  .openapi("SandboxFaultInput");

export const faultSchema = z
  .object({
    id: z.string(),
    path: z.string(),
    errcode: z.number().int().nullable(),
    errmsg: z.string(),
    delayMs: z.number().int(),
    remaining: z.number().int(),
  })
  .openapi("SandboxFault");
