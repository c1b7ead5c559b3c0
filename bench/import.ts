// Reading a names file for batch creation: 10,000 and 20,000 rows as UTF-8 CSV, and 10,000 as
// XLSX (written by our own writer, inline strings). Time per file and the heap it leaves.
// Run: node --expose-gc bench/import.ts
import { gc, loadLib, MB, machine, median, usedBytes, writeResult } from "./common.ts";

const lib = await loadLib();

function csvBytes(rows: number): Uint8Array {
  const lines = ["名称,分组,粉丝标签,会员标签"];
  for (let i = 0; i < rows; i++) lines.push(`上海门店 ${i},华东,新客;门店${i % 7},vip`);
  return new TextEncoder().encode(`\ufeff${lines.join("\r\n")}\r\n`);
}

async function xlsxBytes(rows: number): Promise<Uint8Array> {
  const writer = lib.createXlsxWriter({
    columns: [
      { header: "名称" },
      { header: "分组" },
      { header: "粉丝标签" },
      { header: "会员标签" },
    ],
  });
  const bytes = new Response(writer.stream).arrayBuffer();
  for (let i = 0; i < rows; i++)
    await writer.addRow([`上海门店 ${i}`, "华东", `新客;门店${i % 7}`, "vip"]);
  await writer.finish();
  return new Uint8Array(await bytes);
}

function measure(label: string, bytes: Uint8Array) {
  const times: number[] = [];
  let rows = 0;
  let heldMB = 0;
  for (let i = 0; i < 7; i++) {
    gc();
    const before = usedBytes();
    const t0 = performance.now();
    const result = lib.readNamesFile(bytes, { maxRows: 20_000 });
    times.push(performance.now() - t0);
    heldMB = (usedBytes() - before) / MB;
    if (!result.ok) throw new Error(result.message);
    rows = result.rows.length;
  }
  return {
    label,
    fileKB: Math.round(bytes.length / 1024),
    rows,
    ms: +median(times).toFixed(1),
    heldMB: +heldMB.toFixed(1),
  };
}

const runs = [
  measure("CSV UTF-8 10,000 rows", csvBytes(10_000)),
  measure("CSV UTF-8 20,000 rows", csvBytes(20_000)),
  measure("XLSX 10,000 rows", await xlsxBytes(10_000)),
];
console.table(runs);
writeResult("import", { machine: machine(), runs });
