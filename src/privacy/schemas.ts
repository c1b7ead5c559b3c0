import { z } from "@hono/zod-openapi";

export const erasedFanSchema = z
  .object({
    id: z.string(),
    erasedAt: z.number().openapi({ description: "When the fan's personal data was removed" }),
  })
  .openapi("ErasedFan");

export const erasedContactSchema = z
  .object({
    id: z.string(),
    erasedAt: z.number().openapi({ description: "When the contact's personal data was removed" }),
  })
  .openapi("ErasedContact");
