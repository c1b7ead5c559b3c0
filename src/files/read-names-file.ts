/**
 * Reads an uploaded CSV or XLSX of QR code names for batch creation, and checks every row.
 *
 *   readNamesFile(bytes, options?): ReadNamesResult
 *     ok:    { format, encoding, hasHeader, rows: NamesFileRow[], problemCount }
 *     error: { reason, message }  (show `message` to the operator; map to AppError "invalid_file")
 *
 * Columns, by header name when the first row is a header, else by position:
 *   name (名称 / 二维码名称 / name), group (分组 / group), fan tags (粉丝标签 / 标签 / fan tags),
 *   member tags (会员标签 / member tags); tags separated by ; ； ， 、 or |.
 * Row numbers are the ones the operator sees in Excel (1-based, header counted); blank rows are
 * skipped but keep the numbering. Problems are reported per row, never dropped: empty name,
 * name longer than NAME_MAX_CHARS, the same name earlier in the file.
 */
import Papa from "papaparse";
import { decodeUploadedText, type TextEncodingName } from "./decode-text";
import { readXlsxRows, type XlsxRow } from "./read-xlsx-rows";

/** Product limit for a code name: fits a caption under the image and a file name (64 chars). */
export const NAME_MAX_CHARS = 64;
export const NAMES_FILE_MAX_BYTES = 5 * 1024 * 1024;
export const NAMES_FILE_DEFAULT_MAX_ROWS = 10_000;
export const NAMES_FILE_ROW_CEILING = 20_000;
/** XLSX parts are inflated up to this many bytes in total (zip-bomb guard). */
const MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;

export type RowProblem = "empty_name" | "name_too_long" | "duplicate_in_file";

export type NamesFileRow = {
  /** The row number shown by a spreadsheet program. */
  row: number;
  name: string;
  group: string;
  fanTags: string[];
  memberTags: string[];
  problems: RowProblem[];
  /** For "duplicate_in_file": the row where the name first appears. */
  duplicateOfRow?: number;
};

export type ReadNamesResult =
  | {
      ok: true;
      format: "csv" | "xlsx";
      encoding: TextEncodingName | undefined;
      hasHeader: boolean;
      rows: NamesFileRow[];
      problemCount: number;
    }
  | {
      ok: false;
      reason:
        | "empty"
        | "too_large"
        | "too_many_rows"
        | "unsupported_type"
        | "bad_encoding"
        | "bad_xlsx";
      message: string;
    };

export type ReadNamesOptions = { maxRows?: number; maxBytes?: number };

type Field = "name" | "group" | "fanTags" | "memberTags";

const HEADER_WORDS: Record<Field, string[]> = {
  name: ["名称", "二维码名称", "名字", "渠道名称", "name", "qr name", "code name", "qrcode name"],
  group: ["分组", "组", "分组名称", "group"],
  fanTags: ["粉丝标签", "标签", "微信标签", "fan tags", "fan tag", "tags"],
  memberTags: ["会员标签", "客户标签", "member tags", "member tag"],
};
const POSITIONAL: Field[] = ["name", "group", "fanTags", "memberTags"];

const fail = (reason: Extract<ReadNamesResult, { ok: false }>["reason"], message: string) =>
  ({ ok: false, reason, message }) as const;

// Control characters, invisible marks and text-direction overrides are never wanted in a
// name or tag (the API refuses the same in names it is sent: src/http/name-text.ts).
const INVISIBLE_CHARS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  /[\u0000-\u001f\u007f\u200b\ufeff\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text made only of these ranges is already in NFC (no combining marks, no compatibility
 * ideographs, no kana voicing marks); skipping `normalize` for it makes reading 10,000 rows
 * several times faster.
 */
const NFC_STABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range starts at U+0000 on purpose
  /^[\u0000-\u02ff\u3000-\u3098\u309b-\u9fff\uff00-\uffef]*$/;

function normalizeCell(text: string): string {
  const nfc = NFC_STABLE.test(text) ? text : text.normalize("NFC");
  return nfc.replace(INVISIBLE_CHARS, " ").trim();
}

function splitTags(text: string): string[] {
  const tags = text
    .split(/[;；，、|]/)
    .map(normalizeCell)
    .filter(Boolean);
  return [...new Set(tags)];
}

function headerField(cell: string): Field | undefined {
  const key = normalizeCell(cell)
    .toLowerCase()
    .replace(/[_\s]+/g, " ");
  return POSITIONAL.find((f) => HEADER_WORDS[f].includes(key));
}

/** A header row is recognised by a cell naming the name column (名称, name, 二维码名称...). */
function columnMap(first: string[] | undefined): {
  hasHeader: boolean;
  fields: (Field | undefined)[];
} {
  if (first?.some((cell) => headerField(cell) === "name")) {
    return { hasHeader: true, fields: first.map(headerField) };
  }
  return { hasHeader: false, fields: POSITIONAL };
}

/**
 * Excel writes commas (CSV), tabs ("Unicode text") or, in some locales, semicolons. papaparse's
 * own guess gives up on short files, so the first line decides.
 */
function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, 4096).split(/\r?\n/, 1)[0] ?? "";
  const counts = [",", "\t", ";"].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

function parseCsv(text: string): XlsxRow[] {
  const parsed = Papa.parse<string[]>(text, {
    delimiter: guessDelimiter(text),
    skipEmptyLines: false,
  });
  return parsed.data.map((cells, i) => ({ row: i + 1, cells }));
}

function toNamesRows(rows: XlsxRow[], fields: (Field | undefined)[]): NamesFileRow[] {
  const firstRowOfName = new Map<string, number>();
  const out: NamesFileRow[] = [];
  for (const { row, cells } of rows) {
    if (cells.every((c) => c.trim() === "")) continue;
    const value = (field: Field) => {
      const i = fields.indexOf(field);
      return i < 0 ? "" : normalizeCell(cells[i] ?? "");
    };
    const name = value("name");
    const problems: RowProblem[] = [];
    let duplicateOfRow: number | undefined;
    if (!name) problems.push("empty_name");
    if ([...name].length > NAME_MAX_CHARS) problems.push("name_too_long");
    if (name) {
      duplicateOfRow = firstRowOfName.get(name);
      if (duplicateOfRow === undefined) firstRowOfName.set(name, row);
      else problems.push("duplicate_in_file");
    }
    out.push({
      row,
      name,
      group: value("group"),
      fanTags: splitTags(value("fanTags")),
      memberTags: splitTags(value("memberTags")),
      problems,
      ...(duplicateOfRow === undefined ? {} : { duplicateOfRow }),
    });
  }
  return out;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isOleXls(bytes: Uint8Array): boolean {
  return [0xd0, 0xcf, 0x11, 0xe0].every((b, i) => bytes[i] === b);
}

export function readNamesFile(bytes: Uint8Array, options: ReadNamesOptions = {}): ReadNamesResult {
  const maxBytes = options.maxBytes ?? NAMES_FILE_MAX_BYTES;
  const maxRows = Math.min(options.maxRows ?? NAMES_FILE_DEFAULT_MAX_ROWS, NAMES_FILE_ROW_CEILING);
  if (bytes.length === 0) return fail("empty", "The file is empty.");
  if (bytes.length > maxBytes) {
    return fail("too_large", `The file is larger than ${Math.floor(maxBytes / 1024 / 1024)} MB.`);
  }
  if (isOleXls(bytes)) {
    return fail("unsupported_type", "Old Excel (.xls) files are not read: save as .xlsx or .csv.");
  }

  let rows: XlsxRow[];
  let encoding: TextEncodingName | undefined;
  if (isZip(bytes)) {
    const xlsx = readXlsxRows(bytes, { maxUncompressedBytes: MAX_UNCOMPRESSED_BYTES });
    if (!xlsx.ok) {
      return xlsx.reason === "too_large"
        ? fail("too_large", "The workbook expands to more data than an upload may hold.")
        : fail("bad_xlsx", "The file is not a readable .xlsx workbook.");
    }
    rows = xlsx.rows;
  } else {
    const decoded = decodeUploadedText(bytes);
    if (!decoded) {
      return fail(
        "bad_encoding",
        "The file is neither an .xlsx workbook nor a UTF-8 or GBK text file.",
      );
    }
    encoding = decoded.encoding;
    rows = parseCsv(decoded.text);
  }

  const { hasHeader, fields } = columnMap(rows[0]?.cells);
  const names = toNamesRows(hasHeader ? rows.slice(1) : rows, fields);
  if (names.length === 0) return fail("empty", "The file has no rows with a name.");
  if (names.length > maxRows) {
    return fail(
      "too_many_rows",
      `The file has ${names.length} rows; at most ${maxRows} are read at once.`,
    );
  }
  const problemCount = names.filter((r) => r.problems.length > 0).length;
  const format = isZip(bytes) ? "xlsx" : "csv";
  return { ok: true, format, encoding, hasHeader, rows: names, problemCount };
}
