import { decodeUtf8Strict, readBytesCapped } from "../lib/read-capped";
import { MAX_XML_BYTES } from "../wechat/xml-parse";

export type WebhookBody =
  | { ok: true; text: string }
  | { ok: false; reason: "too_large" | "not_utf8" };

/**
 * The request body as text. Refused when it is larger than WeChat's pushes
 * ever are, or when it is not UTF-8, which WeChat always sends: a lenient
 * decoder would turn the bad bytes into U+FFFD and record garbled fields.
 */
export async function readWebhookBody(
  req: Request,
  maxBytes = MAX_XML_BYTES,
): Promise<WebhookBody> {
  const bytes = await readBytesCapped(req, maxBytes);
  if (!bytes) return { ok: false, reason: "too_large" };
  const text = decodeUtf8Strict(bytes);
  return text === null ? { ok: false, reason: "not_utf8" } : { ok: true, text };
}
