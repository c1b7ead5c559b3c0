// npm run bench: runs each benchmark in its own process (so memory figures are not mixed), with
// the flags it needs, and keeps going past a failure. Results: bench/results/*.json, written up
// in docs/performance.md.
//   node bench/run.ts                      all of them (~9 minutes on a quiet 2-core machine)
//   node bench/run.ts webhook-event stats  some of them, in the order given
//   node bench/run.ts --list               names, durations, what each measures
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { build } from "esbuild";
import { BUNDLE } from "./common.ts";

type Bench = {
  /** Node arguments: a script under bench/ and its flags. */
  args: string[];
  about: string;
  /** Rough duration on the 2-core benchmark machine. */
  takes: string;
  /** Needs the bundle of bench/lib.ts. */
  lib?: true;
};

const BENCHES: Record<string, Bench> = {
  png: {
    args: ["--expose-gc", "bench/png.ts"],
    about: "PNG per image vs the qrcode package and the floor",
    takes: "1.5 min",
    lib: true,
  },
  zip: {
    args: ["--expose-gc", "bench/zip.ts"],
    about: "ZIP of 1,000 captioned 1280 px codes; first-caption glyph decode",
    takes: "10-30 s",
    lib: true,
  },
  // The Worker isolate has 128 MB; a 96 MB old-space cap leaves room for code and buffers.
  xlsx: {
    args: ["--expose-gc", "--max-old-space-size=96", "bench/xlsx.ts"],
    about: "XLSX and CSV writers, 1M rows under a 96 MB heap",
    takes: "1-2 min",
    lib: true,
  },
  import: {
    args: ["--expose-gc", "bench/import.ts"],
    about: "reading names files for batch creation",
    takes: "15 s",
    lib: true,
  },
  // export-pipeline.ts bundles the export runners itself and re-runs itself under the cap.
  "export-pipeline-xlsx": {
    args: ["bench/export-pipeline.ts", "1000000", "xlsx"],
    about: "1M scan records through the export job into R2 parts, XLSX",
    takes: "25-40 s",
  },
  "export-pipeline-csv": {
    args: ["bench/export-pipeline.ts", "1000000", "csv"],
    about: "the same export as CSV",
    takes: "20 s",
  },
  "webhook-event": {
    args: ["bench/workerd-run.ts", "webhook-event"],
    about: "server time per webhook event, whole Worker in workerd",
    takes: "30-50 s",
  },
  stats: {
    args: ["bench/workerd-run.ts", "stats"],
    about: "statistics of a code with a million scans, in workerd",
    takes: "1 min",
  },
  "batch-create": {
    args: ["bench/workerd-run.ts", "batch-create"],
    about: "10,000-row batch creation against the sandbox, in workerd",
    // 2 minutes on a quiet machine, 6 under a load of 8-10.
    takes: "2-6 min",
  },
};

const USAGE = `usage: node bench/run.ts [--list] [all | name...]
  names: ${Object.keys(BENCHES).join(", ")}; none or "all" runs every one`;

function selected(argv: string[]): string[] | null {
  if (argv.length === 0 || (argv.length === 1 && argv[0] === "all")) return Object.keys(BENCHES);
  const unknown = argv.filter((n) => !(n in BENCHES));
  if (unknown.length > 0) {
    console.error(`unknown benchmark: ${unknown.join(", ")}`);
    return null;
  }
  return argv;
}

const argv = process.argv.slice(2);
if (argv.includes("--help") || argv.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
if (argv.includes("--list")) {
  for (const [name, b] of Object.entries(BENCHES))
    console.log(`${name.padEnd(21)} ${b.takes.padEnd(8)} ${b.about}`);
  process.exit(0);
}
const names = selected(argv);
if (!names) {
  console.error(USAGE);
  process.exit(2);
}

if (names.some((n) => BENCHES[n]?.lib)) {
  mkdirSync(new URL(".", BUNDLE), { recursive: true });
  await build({
    entryPoints: [new URL("./lib.ts", import.meta.url).pathname],
    bundle: true,
    format: "esm",
    // "node" only so papaparse's lazy require("stream") stays external; nothing calls it.
    platform: "node",
    target: "es2023",
    outfile: BUNDLE.pathname,
    logLevel: "warning",
  });
}

const failed: string[] = [];
for (const name of names) {
  const bench = BENCHES[name];
  if (!bench) continue;
  console.log(`\n== ${name} (${bench.takes}): ${bench.about}`);
  const started = Date.now();
  const run = spawnSync(process.execPath, bench.args, { stdio: "inherit" });
  const seconds = Math.round((Date.now() - started) / 1000);
  if (run.status !== 0) {
    failed.push(name);
    console.error(`== ${name} failed after ${seconds} s (exit ${run.status ?? run.signal})`);
  } else {
    console.log(`== ${name} done in ${seconds} s`);
  }
}
if (failed.length > 0) {
  console.error(`\nfailed: ${failed.join(", ")}`);
  process.exit(1);
}
