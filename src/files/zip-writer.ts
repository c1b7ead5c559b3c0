/**
 * A streaming ZIP writer on fflate: files go in one at a time, bytes come out as a stream.
 *
 *   const zip = createZipWriter();
 *   const size = writeStreamToR2(bucket, key, zip.stream, { contentType: "application/zip" });
 *   await zip.addFile("上海门店.png", png);              // stored: PNGs gain nothing from deflate
 *   await zip.addFile("manifest.csv", csv, { compress: true });
 *   await zip.finish();
 *   await size;
 *
 * Names are written as UTF-8 with the ZIP "language encoding" flag (bit 11), which fflate sets
 * for non-ASCII names, so Chinese names unpack correctly on Windows, macOS and Linux.
 * Read `stream` concurrently with adding files: `addFile` waits while the reader is behind.
 */
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { createPushStream } from "./push-stream";

export type ZipFileOptions = {
  /** Deflate this entry (text, CSV); default false (stored). */
  compress?: boolean;
  /** Deflate level 1-9 when compressed; default 6. */
  level?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** Modification time shown by unzip tools; default now. */
  mtime?: Date;
};

export type ZipWriter = {
  stream: ReadableStream<Uint8Array>;
  addFile(name: string, data: Uint8Array, options?: ZipFileOptions): Promise<void>;
  /** Adds an entry whose bytes arrive in pieces; `push(chunk, true)` ends it. */
  openFile(name: string, options?: ZipFileOptions): ZipEntrySink;
  finish(): Promise<void>;
  /**
   * Fails the stream after a producer error, so its reader (e.g. `writeStreamToR2`, which then
   * aborts the multipart upload) stops waiting. `stream.cancel()` cannot do this: the reader
   * holds the lock.
   */
  abort(reason: unknown): void;
};

export type ZipEntrySink = { push(chunk: Uint8Array, final?: boolean): Promise<void> };

export function createZipWriter(options: { highWaterMarkBytes?: number } = {}): ZipWriter {
  const out = createPushStream(options.highWaterMarkBytes);
  let failure: unknown;
  const zip = new Zip((err, chunk, final) => {
    if (err) {
      failure = err;
      out.fail(err);
      return;
    }
    out.push(chunk);
    if (final) out.close();
  });

  const check = () => {
    if (failure !== undefined) throw failure;
  };

  const openFile = (name: string, fileOptions: ZipFileOptions = {}): ZipEntrySink => {
    check();
    const entry = fileOptions.compress
      ? new ZipDeflate(name, { level: fileOptions.level ?? 6 })
      : new ZipPassThrough(name);
    entry.mtime = fileOptions.mtime ?? new Date();
    zip.add(entry);
    return {
      async push(chunk, final = false) {
        check();
        entry.push(chunk, final);
        await out.drained();
      },
    };
  };

  return {
    stream: out.stream,
    openFile,
    async addFile(name, data, fileOptions) {
      await openFile(name, fileOptions).push(data, true);
    },
    async finish() {
      check();
      zip.end();
    },
    abort(reason) {
      failure ??= reason;
      zip.terminate();
      out.fail(reason);
    },
  };
}
