// An independent reader of what the writers produce: unzip with fflate, then read the sheet XML
// with plain regular expressions (workerd has no DOMParser), decoding entities ourselves.
import { unzipSync } from "fflate";

export async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export type ReadCell = {
  ref: string;
  type: string | undefined;
  style: string | undefined;
  value: string;
};

function unescapeXml(text: string): string {
  return text
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");
}

export function readXlsx(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const text = (name: string) => new TextDecoder().decode(files[name]);
  const sheet = text("xl/worksheets/sheet1.xml");
  const rows: ReadCell[][] = [];
  for (const row of sheet.matchAll(/<row r="(\d+)">(.*?)<\/row>/gs)) {
    const cells: ReadCell[] = [];
    for (const c of (row[2] ?? "").matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(.*?)<\/c>/gs)) {
      const attrs = c[2] ?? "";
      const inner = c[3] ?? "";
      const value =
        /<t[^>]*>(.*?)<\/t>/s.exec(inner)?.[1] ?? /<v>(.*?)<\/v>/s.exec(inner)?.[1] ?? "";
      cells.push({
        ref: c[1] ?? "",
        type: /\bt="(\w+)"/.exec(attrs)?.[1],
        style: /\bs="(\d+)"/.exec(attrs)?.[1],
        value: unescapeXml(value),
      });
    }
    rows.push(cells);
  }
  return { names: Object.keys(files), text, sheet, rows };
}
