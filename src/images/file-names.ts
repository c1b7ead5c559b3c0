/**
 * Download file names from code names: safe on Windows, macOS and Linux, Chinese kept.
 *
 *   qrFileName(name, ext, fallback?): string      "上海门店 01.png"
 *   contentDisposition(fileName, type?): string   header value with an RFC 6266/5987 filename*
 *   createUniqueNamer(): (fileName) => string      "a.png", "a (2).png" ... within one ZIP
 */

/** Bytes of UTF-8 a name may take before the extension; file systems stop at 255. */
const MAX_BASE_BYTES = 180;
const FALLBACK_BASE = "qrcode";

// Control characters, C1 controls, bidi overrides (which can disguise an extension), and the
// characters Windows forbids in names, including both path separators.
const UNSAFE_CHARS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"/\\|?*]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes > maxBytes) break;
    out += ch;
  }
  return out;
}

function safeBase(name: string, fallback: string): string {
  let base = name.normalize("NFC").replace(UNSAFE_CHARS, " ").replace(/\s+/g, " ");
  base = truncateUtf8(base.trim(), MAX_BASE_BYTES);
  // Windows drops trailing dots and spaces; a leading dot hides the file on Unix.
  base = base.replace(/^[.\s]+|[.\s]+$/g, "");
  if (!base) return fallback;
  // Windows reserves the name before the first dot whatever follows ("NUL.tar.gz" is NUL).
  const [first = "", ...rest] = base.split(".");
  if (WINDOWS_RESERVED.test(first)) return [`${first}_`, ...rest].join(".");
  return base;
}

/** Also the safe name of any file named by a user: uploads, exports named after a code. */
export function qrFileName(name: string, ext: string, fallback = FALLBACK_BASE): string {
  const cleanExt = ext.replace(/[^a-z0-9]/gi, "").toLowerCase();
  const base = safeBase(name, fallback);
  return cleanExt ? `${base}.${cleanExt}` : base;
}

/** RFC 5987 `attr-char` allows only these besides alphanumerics. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `filename` carries an ASCII stand-in for old clients; `filename*` the exact UTF-8 name, which
 * every current browser prefers (RFC 6266 section 4.3).
 */
export function contentDisposition(
  fileName: string,
  type: "attachment" | "inline" = "attachment",
): string {
  const safe = fileName.replace(UNSAFE_CHARS, "_");
  const ascii = safe.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}

/**
 * Numbers repeated names the way file managers do. Comparison ignores case, because Windows
 * and macOS would otherwise unpack "A.png" over "a.png".
 */
export function createUniqueNamer(): (fileName: string) => string {
  const used = new Set<string>();
  return (fileName) => {
    const dot = fileName.lastIndexOf(".");
    const base = dot > 0 ? fileName.slice(0, dot) : fileName;
    const ext = dot > 0 ? fileName.slice(dot) : "";
    let candidate = fileName;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base} (${n})${ext}`;
    used.add(candidate.toLowerCase());
    return candidate;
  };
}
