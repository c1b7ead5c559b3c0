import { z } from "@hono/zod-openapi";

/**
 * Control characters (newlines, NUL, escapes) and text-direction overrides.
 * Neither belongs in a name an operator reads in lists, file names and
 * exports, and an override can make a name read as another one.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const UNWANTED = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

export const NAME_CHARACTERS_MESSAGE =
  "Must not contain control characters (such as line breaks) or text-direction overrides";

/** Whether a name is free of control characters and direction overrides. */
export const isPlainName = (text: string) => !UNWANTED.test(text);

/** A name as operators type it: trimmed, 1 to `max` characters, nothing invisible that steers text. */
export function nameText(max: number) {
  return z
    .string()
    .trim()
    .min(1, "Must not be empty")
    .max(max)
    .refine(isPlainName, NAME_CHARACTERS_MESSAGE);
}
