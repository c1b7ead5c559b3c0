/**
 * A streaming CSV writer that Excel opens correctly, including Chinese text.
 *
 *   const csv = createCsvWriter({ columns, timeZone });   // same shape as createXlsxWriter
 *   await csv.addRow(["上海", 3, new Date(), true]); await csv.finish();
 *   csvCell(value, timeZone?): string                      one escaped field
 *
 * RFC 4180: fields with comma, quote, CR or LF are quoted, quotes doubled, lines end in CRLF.
 * A UTF-8 byte order mark goes first: without it Excel on Chinese Windows reads the file as GBK.
 * Text starting like a formula (= + - @ tab CR) gets a leading apostrophe, the OWASP guard
 * against CSV injection; numbers are written as numbers and never altered.
 */

import { createPushStream } from "./push-stream";
import {
  type CellValue,
  type SpreadsheetOptions,
  type SpreadsheetWriter,
  startsLikeFormula,
} from "./sheet-types";
import { formatZoned } from "./zoned-time";

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

const FLUSH_CHARS = 64 * 1024;

export type CsvWriterOptions = SpreadsheetOptions & {
  /** Write the UTF-8 BOM; default true. */
  bom?: boolean;
};

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvCell(value: CellValue, timeZone = "Asia/Shanghai", withTime = true): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? "" : formatZoned(value, timeZone, withTime);
  }
  return quote(startsLikeFormula(value) ? `'${value}` : value);
}

export function createCsvWriter(options: CsvWriterOptions): SpreadsheetWriter {
  const { columns } = options;
  const timeZone = options.timeZone ?? "Asia/Shanghai";
  const withTime = columns.map((c) => c.dateFormat !== "date");
  const out = createPushStream();
  const encoder = new TextEncoder();
  let rows = 0;
  let pending = ((options.bom ?? true) ? "\ufeff" : "") + line(columns.map((c) => c.header));

  function line(values: readonly CellValue[]): string {
    let text = "";
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) text += ",";
      text += csvCell(values[i], timeZone, withTime[i] ?? true);
    }
    return `${text}\r\n`;
  }

  const flush = async () => {
    out.push(encoder.encode(pending));
    pending = "";
    await out.drained();
  };

  return {
    stream: out.stream,
    get rowCount() {
      return rows;
    },
    async addRow(values) {
      rows++;
      pending += line(values);
      if (pending.length >= FLUSH_CHARS) await flush();
    },
    abort: (reason) => out.fail(reason),
    async finish() {
      out.push(encoder.encode(pending));
      pending = "";
      out.close();
    },
  };
}
