/** A form post larger than this is refused before it is parsed; real forms stay far below. */
export const FORM_BODY_LIMIT = 16 * 1024;

export type FormBodyResult =
  | { ok: true; params: URLSearchParams }
  | { ok: false; reason: "too_large" | "unsupported_type" };

/**
 * Reads an `application/x-www-form-urlencoded` body (what a plain HTML form
 * posts) without ever holding more than `limit` bytes: a declared length over
 * the limit is refused unread, and a chunked body is cut off as it streams.
 */
export async function readFormBody(req: Request, limit = FORM_BODY_LIMIT): Promise<FormBodyResult> {
  const type = req.headers.get("Content-Type") ?? "";
  if (!type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    return { ok: false, reason: "unsupported_type" };
  }
  const declared = Number(req.headers.get("Content-Length") ?? "0");
  if (declared > limit) return { ok: false, reason: "too_large" };
  if (!req.body) return { ok: true, params: new URLSearchParams() };

  const reader = req.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return { ok: false, reason: "too_large" };
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const p of parts) {
    bytes.set(p, offset);
    offset += p.byteLength;
  }
  return { ok: true, params: new URLSearchParams(new TextDecoder().decode(bytes)) };
}
