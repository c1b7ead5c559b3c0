// npm run bench: bundles the product code for Node, then runs each benchmark in its own process
// (so memory figures are not mixed), with the flags it needs. Results: bench/results/*.json,
// written up in docs/performance.md. Pass names to run some: node bench/run.ts png zip
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { build } from "esbuild";
import { BUNDLE } from "./common.ts";

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

const BENCHES: Record<string, string[]> = {
  png: ["--expose-gc", "bench/png.ts"],
  zip: ["--expose-gc", "bench/zip.ts"],
  // The Worker isolate has 128 MB; a 96 MB old-space cap leaves room for code and buffers.
  xlsx: ["--expose-gc", "--max-old-space-size=96", "bench/xlsx.ts"],
  import: ["--expose-gc", "bench/import.ts"],
};

const wanted = process.argv.slice(2);
for (const [name, args] of Object.entries(BENCHES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n== ${name}`);
  execFileSync(process.execPath, args, { stdio: "inherit" });
}
