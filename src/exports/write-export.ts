import { newArtifactKey, registerArtifact } from "../artifacts/store-artifact";
import { getDb } from "../db/client";
import { CSV_CONTENT_TYPE, createCsvWriter } from "../files/csv-writer";
import { writeStreamToR2 } from "../files/r2-multipart";
import type { CellValue, SheetColumn } from "../files/sheet-types";
import { createXlsxWriter, XLSX_CONTENT_TYPE } from "../files/xlsx-writer";
import { qrFileName } from "../images/file-names";

export type ExportFormat = "xlsx" | "csv";

export type AddRow = (values: readonly CellValue[]) => Promise<void>;

export type SpreadsheetExportOptions = {
  accountId: string;
  jobId: string;
  format: ExportFormat;
  /** Without the extension; made safe for every file system (it may hold a code's name). */
  fileName: string;
  sheetName: string;
  columns: readonly SheetColumn[];
  timeZone: string;
  /** Adds every row; awaits each addRow, which waits while the upload catches up. */
  produce: (addRow: AddRow) => Promise<void>;
};

/**
 * Streams rows into an XLSX or CSV file written straight to R2 (multipart,
 * parts of 5 MiB), then registers the artifact. Nothing is collected: memory
 * holds one page of rows, the writer's buffer and one upload part. A failure
 * while producing aborts the upload, so no half file is left behind.
 */
export async function writeSpreadsheetExport(env: Env, o: SpreadsheetExportOptions) {
  const xlsx = o.format === "xlsx";
  const writer = xlsx
    ? createXlsxWriter({ columns: o.columns, timeZone: o.timeZone, sheetName: o.sheetName })
    : createCsvWriter({ columns: o.columns, timeZone: o.timeZone });
  const kind = xlsx ? "xlsx" : "csv";
  const contentType = xlsx ? XLSX_CONTENT_TYPE : CSV_CONTENT_TYPE;
  const r2Key = newArtifactKey(kind, o.accountId);

  // A pass-through the producer can abort: the upload then fails and aborts its multipart.
  const abort = new AbortController();
  const pass = new TransformStream<Uint8Array, Uint8Array>();
  const piping = writer.stream
    .pipeTo(pass.writable, { signal: abort.signal })
    .catch(() => undefined);
  const upload = writeStreamToR2(env.ARTIFACTS, r2Key, pass.readable, { contentType });
  try {
    await o.produce((values) => writer.addRow(values));
    await writer.finish();
  } catch (err) {
    abort.abort(err);
    await upload.catch(() => undefined);
    throw err;
  }
  const size = await upload;
  await piping;

  const artifact = await registerArtifact(getDb(env.DB), {
    accountId: o.accountId,
    jobId: o.jobId,
    kind,
    fileName: qrFileName(o.fileName, kind, "export"),
    contentType,
    size,
    r2Key,
  });
  return { artifact, rows: writer.rowCount, size };
}
