/**
 * Reads the cell text of the first worksheet of an XLSX file, with size limits.
 *
 *   readXlsxRows(bytes, { maxUncompressedBytes }): XlsxRowsResult
 *     -> { ok: true, rows: { row, cells }[] } | { ok: false, reason: "too_large" | "bad_xlsx" }
 *
 * Only the parts needed are inflated (workbook, its relationships, shared strings, the first
 * sheet) and only when their declared sizes fit the cap; fflate inflates into a buffer of the
 * declared size, so a lying header cannot make it allocate more (zip-bomb guard).
 * Cells become text: shared and inline strings, numbers as written, booleans TRUE/FALSE.
 */
import { type UnzipFileInfo, unzipSync } from "fflate";

export type XlsxRow = { row: number; cells: string[] };
export type XlsxRowsResult =
  | { ok: true; rows: XlsxRow[] }
  | { ok: false; reason: "too_large" | "bad_xlsx" };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
      if (ref[0] !== "#") return ENTITIES[ref] ?? whole;
      const code =
        ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    })
    .replace(/_x([0-9a-f]{4})_/gi, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
}

/** Text of an `<si>` or `<is>`: all `<t>` runs, without phonetic (`<rPh>`) annotations. */
function runText(xml: string): string {
  let out = "";
  for (const m of xml.replace(/<rPh\b.*?<\/rPh>/gs, "").matchAll(/<t(?:\s[^>]*)?>(.*?)<\/t>/gs)) {
    out += m[1] ?? "";
  }
  return unescapeXml(out);
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function cellText(attrs: string, inner: string, shared: string[]): string {
  const type = /\bt="(\w+)"/.exec(attrs)?.[1];
  const v = /<v>(.*?)<\/v>/s.exec(inner)?.[1] ?? "";
  if (type === "s") return shared[Number(v)] ?? "";
  if (type === "inlineStr") return runText(inner);
  if (type === "b") return v === "1" ? "TRUE" : "FALSE";
  if (type === "e") return "";
  return unescapeXml(v);
}

function parseSheet(xml: string, shared: string[]): XlsxRow[] {
  const rows: XlsxRow[] = [];
  let nextRow = 1;
  for (const r of xml.matchAll(/<row\b([^>]*?)(?:\/>|>(.*?)<\/row>)/gs)) {
    const row = Number(/\br="(\d+)"/.exec(r[1] ?? "")?.[1] ?? nextRow);
    nextRow = row + 1;
    const cells: string[] = [];
    let nextCol = 0;
    for (const c of (r[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
      const attrs = c[1] ?? "";
      const ref = /\br="([A-Z]+)\d*"/.exec(attrs)?.[1];
      const col = ref ? columnIndex(ref) : nextCol;
      nextCol = col + 1;
      if (col < 0 || col > 255) continue;
      cells[col] = cellText(attrs, c[2] ?? "", shared);
    }
    rows.push({ row, cells: Array.from(cells, (v) => v ?? "") });
  }
  return rows;
}

function firstSheetPath(files: Record<string, Uint8Array>): string {
  const decode = (name: string) => new TextDecoder().decode(files[name] ?? new Uint8Array());
  const id = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(decode("xl/workbook.xml"))?.[1];
  const rels = decode("xl/_rels/workbook.xml.rels");
  for (const rel of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    if (id && rel[0].includes(`Id="${id}"`)) {
      const target = /Target="([^"]+)"/.exec(rel[0])?.[1] ?? "";
      return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    }
  }
  return "xl/worksheets/sheet1.xml";
}

export function readXlsxRows(
  bytes: Uint8Array,
  limits: { maxUncompressedBytes: number },
): XlsxRowsResult {
  let total = 0;
  const pick = (names: Set<string>) => (info: UnzipFileInfo) => {
    if (!names.has(info.name)) return false;
    total += info.originalSize;
    if (total > limits.maxUncompressedBytes) throw new RangeError("too_large");
    return true;
  };
  try {
    const index = unzipSync(bytes, {
      filter: pick(new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels"])),
    });
    const sheetPath = firstSheetPath(index);
    const files = unzipSync(bytes, { filter: pick(new Set([sheetPath, "xl/sharedStrings.xml"])) });
    const sheet = files[sheetPath];
    if (!sheet) return { ok: false, reason: "bad_xlsx" };
    const decoder = new TextDecoder();
    const sharedXml = files["xl/sharedStrings.xml"];
    const shared = sharedXml
      ? Array.from(decoder.decode(sharedXml).matchAll(/<si>(.*?)<\/si>/gs), (m) =>
          runText(m[1] ?? ""),
        )
      : [];
    return { ok: true, rows: parseSheet(decoder.decode(sheet), shared) };
  } catch (err) {
    if (err instanceof RangeError && err.message === "too_large")
      return { ok: false, reason: "too_large" };
    return { ok: false, reason: "bad_xlsx" };
  }
}
