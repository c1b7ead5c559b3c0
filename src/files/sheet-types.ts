/**
 * What the spreadsheet writers (XLSX and CSV) share: columns, cell values, the writer shape.
 *
 * A cell's JavaScript type decides its spreadsheet type: number -> number, boolean -> boolean,
 * Date -> date (in the writer's time zone), string -> text; null/undefined -> empty.
 */

export type CellValue = string | number | boolean | Date | null | undefined;

export type SheetColumn = {
  header: string;
  /** Width in characters (XLSX only); default from the header, CJK counted double. */
  width?: number;
  /** How a Date in this column is shown; default "datetime". */
  dateFormat?: "date" | "datetime";
};

export type SpreadsheetWriter = {
  /** The file's bytes; read it (to R2 or a response) while rows are added. */
  stream: ReadableStream<Uint8Array>;
  /** Adds one row; resolves when the reader has room for more (backpressure). */
  addRow(values: readonly CellValue[]): Promise<void>;
  /** Ends the file; the stream closes once the last bytes are out. */
  finish(): Promise<void>;
  /** Fails the stream after a producer error so its reader (e.g. `writeStreamToR2`) stops. */
  abort(reason: unknown): void;
  /** Data rows added so far (the header row excluded). */
  readonly rowCount: number;
};

export type SpreadsheetOptions = {
  columns: readonly SheetColumn[];
  /** IANA zone in which dates are written; default "Asia/Shanghai". */
  timeZone?: string;
};

/**
 * Spreadsheet programs run text that starts with these as a formula (CSV injection, OWASP).
 * Tab and carriage return are included because some programs strip them before parsing.
 */
export function startsLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}
