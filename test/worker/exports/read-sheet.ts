import { unzipSync } from "fflate";

/**
 * An independent reader of the exported workbook: unzip with fflate and
 * read the first sheet's XML with regular expressions (workerd has no
 * DOMParser). Cells keep their type attribute and style so tests can tell
 * numbers, dates (numbers with a date style), text and formulas apart.
 */
export type Cell = {
  ref: string;
  type: string | null;
  style: string | null;
  value: string;
  formula: boolean;
};

const unescapeXml = (s: string) =>
  s
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");

export function readWorkbook(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const text = (name: string) => new TextDecoder().decode(files[name] ?? new Uint8Array());
  const sheet = text("xl/worksheets/sheet1.xml");
  const rows: Cell[][] = [];
  for (const row of sheet.matchAll(/<row\b[^>]*>(.*?)<\/row>/gs)) {
    const cells: Cell[] = [];
    for (const c of (row[1] ?? "").matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
      const attrs = c[2] ?? "";
      const inner = c[3] ?? "";
      cells.push({
        ref: c[1] ?? "",
        type: /\bt="(\w+)"/.exec(attrs)?.[1] ?? null,
        style: /\bs="(\d+)"/.exec(attrs)?.[1] ?? null,
        value: unescapeXml(
          /<t[^>]*>(.*?)<\/t>/s.exec(inner)?.[1] ?? /<v>(.*?)<\/v>/s.exec(inner)?.[1] ?? "",
        ),
        formula: /<f[\s>]/.test(inner),
      });
    }
    rows.push(cells);
  }
  return { names: Object.keys(files), styles: text("xl/styles.xml"), rows };
}

/** The value of the cell in column `letter` of a row, or undefined when the cell is empty. */
export function cellAt(row: Cell[] | undefined, letter: string): Cell | undefined {
  return row?.find((c) => c.ref.replace(/\d+$/, "") === letter);
}

/** Excel's date serial (days since 1899-12-30) as wall-clock milliseconds. */
export function serialToWallMs(serial: number): number {
  return Math.round((serial - 25569) * 86_400_000);
}

/** Whether cell style `s` shows a date: its number format's code has a year in it. */
export function isDateStyle(stylesXml: string, s: string | null): boolean {
  if (s === null) return false;
  const xfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(stylesXml)?.[1] ?? "";
  const xf = [...xfs.matchAll(/<xf\b[^>]*\/?>/g)][Number(s)]?.[0] ?? "";
  const fmtId = /numFmtId="(\d+)"/.exec(xf)?.[1];
  const code =
    new RegExp(`<numFmt numFmtId="${fmtId}" formatCode="([^"]*)"`).exec(stylesXml)?.[1] ?? "";
  return /y/.test(code) || fmtId === "14" || fmtId === "22";
}
