// A million-row, 8-column XLSX (and CSV) export streamed to a byte-counting sink under a capped
// heap (run.ts passes --max-old-space-size=96): time, peak heap + ArrayBuffers sampled every
// 10,000 rows, max RSS. Run: node --expose-gc --max-old-space-size=96 bench/xlsx.ts [rows]
import { gc, loadLib, MB, machine, usedBytes, writeResult } from "./common.ts";

const lib = await loadLib();
const ROWS = Number(process.argv[2] ?? 1_000_000);

const columns = [
  { header: "粉丝 openid", width: 32 },
  { header: "备注" },
  { header: "二维码" },
  { header: "扫码时间" },
  { header: "关注时间" },
  { header: "扫码次数" },
  { header: "新粉丝" },
  { header: "标签" },
];

function row(i: number) {
  const t = Date.UTC(2026, 0, 1) + i * 37_000;
  return [
    `oX9fK1${i.toString(36).padStart(22, "0")}`,
    i % 5 === 0 ? `=备注 ${i}` : `客户 ${i}`,
    `上海门店 ${i % 100}`,
    new Date(t),
    new Date(t - 86_400_000),
    i % 17,
    i % 3 === 0,
    "新客;门店",
  ];
}

async function run(format: "xlsx" | "csv") {
  gc();
  const baseline = usedBytes();
  let peak = baseline;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const writer =
    format === "xlsx"
      ? lib.createXlsxWriter({ sheetName: "扫码记录", columns })
      : lib.createCsvWriter({ columns });
  let bytes = 0;
  const sink = (async () => {
    for await (const chunk of writer.stream) bytes += chunk.byteLength;
  })();
  for (let i = 0; i < ROWS; i++) {
    await writer.addRow(row(i));
    if (i % 10_000 === 0) peak = Math.max(peak, usedBytes());
  }
  await writer.finish();
  await sink;
  const cpu = process.cpuUsage(cpu0);
  return {
    format,
    rows: ROWS,
    columns: columns.length,
    outputMB: +(bytes / MB).toFixed(1),
    wallS: +((performance.now() - t0) / 1000).toFixed(1),
    cpuS: +((cpu.user + cpu.system) / 1e6).toFixed(1),
    peakAboveBaselineMB: +((peak - baseline) / MB).toFixed(1),
    peakUsedMB: +(peak / MB).toFixed(1),
  };
}

const runs = [await run("xlsx"), await run("csv")];
const maxRssMB = +(process.resourceUsage().maxRSS / 1024).toFixed(1);
console.table(runs);
console.log(`max RSS of the whole process: ${maxRssMB} MB (heap capped at 96 MB)`);
writeResult("xlsx", { machine: machine(), heapCapMB: 96, runs, maxRssMB });
