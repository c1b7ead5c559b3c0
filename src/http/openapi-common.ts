import { z } from "@hono/zod-openapi";
import { ERROR_CODES } from "./errors";

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(
        Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES, ...(keyof typeof ERROR_CODES)[]],
      ),
      message: z.string(),
      requestId: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi("Error");

const errorContent = { "application/json": { schema: errorSchema } };

/** Error responses most routes share, for the OpenAPI document. */
export function errorResponses(
  ...statuses: (400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 429 | 502)[]
) {
  const descriptions: Record<number, string> = {
    400: "Invalid input; the message names the field",
    401: "Not signed in",
    403: "Not allowed for this user or token",
    404: "Not found, or not visible to this user",
    409: "Conflicts with stored state or a limit",
    410: "Link expired",
    413: "Body too large",
    415: "Unsupported content type",
    429: "Too many requests",
    502: "WeChat answered with an error",
  };
  return Object.fromEntries(
    [401, ...statuses].map((s) => [
      s,
      { description: descriptions[s] ?? "Error", content: errorContent },
    ]),
  );
}

export const idParam = (name: string, example: string) =>
  z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name, in: "path" }, example });

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
