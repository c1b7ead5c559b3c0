// Runs one workerd benchmark (bench/workerd/<name>.bench.test.ts) under the Workers Vitest
// pool and keeps its BENCH_RESULT line in bench/results/<name>.json with the machine's details
// and its load average before and after (D1 round trips dominate, and load moves them).
//   node bench/workerd-run.ts webhook-event    (about a minute)
//   node bench/workerd-run.ts stats            (about a minute: seeds a million scans with SQL)
//   node bench/workerd-run.ts batch-create     (2-6 minutes: 10,000 codes through the queue)
// bench/run.ts runs them too, each in its own process.
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { machine, writeResult } from "./common.ts";

const NAMES = ["webhook-event", "stats", "batch-create"];
const name = process.argv[2] ?? "";
if (!NAMES.includes(name)) {
  console.error(`usage: node bench/workerd-run.ts ${NAMES.join("|")}`);
  process.exit(2);
}
const before = loadavg();
const run = spawnSync(
  "npx",
  [
    "vitest",
    "run",
    "--config",
    "bench/workerd/vitest.config.ts",
    `bench/workerd/${name}.bench.test.ts`,
  ],
  { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
);
const output = `${run.stdout}\n${run.stderr}`;
const line = output.split("\n").find((l) => l.includes("BENCH_RESULT "));
if (run.status !== 0 || !line) {
  console.error(output.slice(-4000));
  process.exit(1);
}
const result = JSON.parse(line.slice(line.indexOf("BENCH_RESULT ") + 13));
writeResult(name, { machine: machine(), loadAverage: { before, after: loadavg() }, ...result });
console.log(JSON.stringify(result.figures ?? result, null, 2));
