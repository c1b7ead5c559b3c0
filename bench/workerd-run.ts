// Runs one workerd benchmark (bench/workerd/<name>.bench.test.ts) under the Workers Vitest
// pool and keeps its BENCH_RESULT line in bench/results/<name>.json with the machine's details.
//   node bench/workerd-run.ts stats            (about 5-10 minutes: seeds a million scans)
//   node bench/workerd-run.ts webhook-event    (about a minute)
import { spawnSync } from "node:child_process";
import { machine, writeResult } from "./common.ts";

const name = process.argv[2];
if (name !== "stats" && name !== "webhook-event") {
  console.error("usage: node bench/workerd-run.ts stats|webhook-event");
  process.exit(2);
}
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
writeResult(name, { machine: machine(), ...result });
console.log(JSON.stringify(result.figures, null, 2));
