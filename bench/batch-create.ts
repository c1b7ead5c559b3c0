// 10,000-row batch creation end to end against the sandbox, in workerd (real D1, R2, Queues,
// Durable Objects). Runs bench/workerd/batch-create.bench.test.ts and keeps its figures with
// the machine's load, since D1 round trips dominate and the load moves them.
// Run: node bench/batch-create.ts
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { machine, writeResult } from "./common.ts";

const loadBefore = loadavg();
const output = execFileSync(
  "npx",
  ["vitest", "run", "--config", "bench/workerd/vitest.config.ts", "batch-create"],
  { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] },
);
const line = output.split("\n").find((l) => l.includes("BATCH_CREATE_RESULT "));
if (!line) {
  console.error(output.slice(-4000));
  throw new Error("the benchmark printed no result");
}
const figures = JSON.parse(line.slice(line.indexOf("{")));
const result = {
  machine: machine(),
  loadAverage: { before: loadBefore, after: loadavg() },
  ...figures,
};
console.log(result);
writeResult("batch-create", result);
