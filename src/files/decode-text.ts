/**
 * Decodes an uploaded text file whose encoding nobody told us.
 *
 *   decodeUploadedText(bytes): { text, encoding } | undefined     undefined = not text
 *
 * Order: a BOM decides (UTF-8, UTF-16 LE/BE: Excel's "Unicode text" export); then strict UTF-8;
 * then GB18030, a superset of GBK, which is what Excel on Chinese Windows writes for "CSV".
 * A strict UTF-8 decode almost never succeeds on GBK Chinese text, so trying it first is safe.
 */

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

function tryDecode(encoding: TextEncodingName, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Text files have no NUL characters; binaries (xls, images, pdf) almost always do. */
function looksLikeText(text: string): boolean {
  return !text.includes("\u0000");
}

export function decodeUploadedText(
  bytes: Uint8Array,
): { text: string; encoding: TextEncodingName } | undefined {
  const [b0, b1, b2] = bytes;
  let candidates: TextEncodingName[] = ["utf-8", "gb18030"];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) candidates = ["utf-8"];
  else if (b0 === 0xff && b1 === 0xfe) candidates = ["utf-16le"];
  else if (b0 === 0xfe && b1 === 0xff) candidates = ["utf-16be"];

  for (const encoding of candidates) {
    const text = tryDecode(encoding, bytes);
    if (text !== undefined) return looksLikeText(text) ? { text, encoding } : undefined;
  }
  return undefined;
}
