// A ZIP of 1,000 QR codes at 1280 px, as the batch-download job builds it: render each PNG,
// add it stored, stream the archive to a byte-counting sink (R2 in production), plus the
// manifest CSV. Measures CPU time and peak memory (heap + ArrayBuffers, sampled after every
// file, and the process's max RSS). Also the one-off cost of the first caption (decoding the
// glyph table), in fresh processes. Run: node --expose-gc bench/zip.ts
import { execFileSync } from "node:child_process";
import {
  BUNDLE,
  gc,
  loadLib,
  MB,
  machine,
  median,
  ticketUrl,
  usedBytes,
  writeResult,
} from "./common.ts";

const lib = await loadLib();
const CODES = 1000;
const SIZE = 1280;

async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream) bytes += chunk.byteLength;
  return bytes;
}

async function run(compressor: "auto" | "fflate") {
  gc();
  const baseline = usedBytes();
  let peak = baseline;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();

  const zip = lib.createZipWriter();
  const sink = drain(zip.stream);
  const unique = lib.createUniqueNamer();
  const manifest = lib.createCsvWriter({ columns: [{ header: "name" }, { header: "url" }] });
  const manifestBytes = new Response(manifest.stream).arrayBuffer();
  for (let i = 0; i < CODES; i++) {
    const name = `门店 ${i % 400}`;
    const png = await lib.renderQrPng(ticketUrl(i), { size: SIZE, caption: name, compressor });
    await zip.addFile(unique(lib.qrFileName(name, "png")), png);
    await manifest.addRow([name, ticketUrl(i)]);
    peak = Math.max(peak, usedBytes());
  }
  await manifest.finish();
  await zip.addFile("manifest.csv", new Uint8Array(await manifestBytes), { compress: true });
  await zip.finish();
  const zipBytes = await sink;

  const cpu = process.cpuUsage(cpu0);
  return {
    compressor,
    codes: CODES,
    sizePx: SIZE,
    caption: true,
    zipBytes,
    wallMs: Math.round(performance.now() - t0),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakAboveBaselineMB: +((peak - baseline) / MB).toFixed(1),
    peakUsedMB: +(peak / MB).toFixed(1),
  };
}

const FRESH = 7;

/**
 * The glyph table is decoded on the first caption of an isolate: time that first
 * renderCaptionBitmap, and a second one, in a fresh process each time (median of FRESH), and
 * the import of the product bundle that carries the table.
 */
function firstCaption() {
  const script = `const t0 = performance.now();
const lib = await import(${JSON.stringify(BUNDLE.href)});
const t1 = performance.now();
lib.renderCaptionBitmap("上海静安门店 No.1", 1280);
const t2 = performance.now();
lib.renderCaptionBitmap("北京朝阳门店 No.2", 1280);
const t3 = performance.now();
console.log(JSON.stringify({ importMs: t1 - t0, firstMs: t2 - t1, secondMs: t3 - t2 }));`;
  const samples = Array.from({ length: FRESH }, () =>
    JSON.parse(
      execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }),
    ),
  ) as { importMs: number; firstMs: number; secondMs: number }[];
  const of = (k: "importMs" | "firstMs" | "secondMs") =>
    +median(samples.map((s) => s[k])).toFixed(2);
  return {
    processes: FRESH,
    bundleImportMs: of("importMs"),
    firstCaptionMs: of("firstMs"),
    secondCaptionMs: of("secondMs"),
  };
}

const caption = firstCaption();
console.log("first caption (median of fresh processes):", caption);
const runs = [await run("auto"), await run("fflate")];
const maxRssMB = +(process.resourceUsage().maxRSS / 1024).toFixed(1);
console.table(runs);
console.log(`max RSS of the whole process: ${maxRssMB} MB`);
writeResult("zip", { machine: machine(), runs, maxRssMB, caption });
