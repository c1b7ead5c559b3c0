import { z } from "@hono/zod-openapi";
import { nameText } from "../http/name-text";

export const groupSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    codeCount: z.number().int().openapi({ description: "Codes in the group, deleted ones aside" }),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .openapi("QrGroup");

export const groupBodySchema = z
  .object({ name: nameText(64).openapi({ example: "Shanghai stores" }) })
  .openapi("QrGroupBody");
