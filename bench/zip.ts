// A ZIP of 1,000 QR codes at 1280 px, as the batch-download job builds it: render each PNG,
// add it stored, stream the archive to a byte-counting sink (R2 in production), plus the
// manifest CSV. Measures CPU time and peak memory (heap + ArrayBuffers, sampled after every
// file, and the process's max RSS). Run: node --expose-gc bench/zip.ts
import { gc, loadLib, MB, machine, ticketUrl, usedBytes, writeResult } from "./common.ts";

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

const runs = [await run("auto"), await run("fflate")];
const maxRssMB = +(process.resourceUsage().maxRSS / 1024).toFixed(1);
console.table(runs);
console.log(`max RSS of the whole process: ${maxRssMB} MB`);
writeResult("zip", { machine: machine(), runs, maxRssMB });
