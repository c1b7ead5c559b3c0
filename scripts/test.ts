// The one test command (`npm test`): static checks, the Worker suite inside
// workerd, the console suite in headless Chromium, and the production bundle
// check. Prints a summary whose last line is "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { checkBundle } from "./check-bundle.ts";

type StepResult = { name: string; passed: number; failed: number; skipped: number; note?: string };
const results: StepResult[] = [];
const REPORT_DIR = join("test-results", "reports");

function run(cmd: string, args: string[]): boolean {
  console.log(`\n$ ${cmd} ${args.join(" ")}`);
  const res = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  return res.status === 0;
}

/** A check that passes or fails as a whole (typecheck, lint, build). */
function check(name: string, cmd: string, args: string[]) {
  const ok = run(cmd, args);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
  return ok;
}

type VitestJson = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  success: boolean;
};

/** A vitest suite, counted test by test from its JSON report. */
function suite(name: string, args: string[]) {
  const report = join(REPORT_DIR, `${name}.json`);
  rmSync(report, { force: true });
  const ok = run("npx", [
    "vitest",
    "run",
    ...args,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) {
    results.push({ name, passed: 0, failed: 1, skipped: 0, note: "the suite did not run" });
    return;
  }
  const json = JSON.parse(readFileSync(report, "utf8")) as VitestJson;
  const failed = json.numFailedTests + (ok || json.numFailedTests > 0 ? 0 : 1);
  results.push({
    name,
    passed: json.numPassedTests,
    failed,
    skipped: json.numPendingTests + json.numTodoTests,
    note: ok ? undefined : "suite failed",
  });
}

mkdirSync(REPORT_DIR, { recursive: true });
check("env types up to date", "npx", ["wrangler", "types", "--strict-vars=false", "--check"]);
check("typecheck worker", "npx", ["tsc", "-p", "."]);
check("typecheck console", "npx", ["tsc", "-p", "web"]);
check("lint", "npx", ["biome", "check", "."]);
const built = check("build console", "node", ["scripts/build-web.ts"]);
suite("worker", []);
if (built) suite("browser", ["--config", "vitest.browser.config.ts"]);
else
  results.push({
    name: "browser",
    passed: 0,
    failed: 1,
    skipped: 0,
    note: "console did not build",
  });
const bundle = checkBundle();
results.push({
  name: "production bundle",
  passed: bundle.ok ? 1 : 0,
  failed: bundle.ok ? 0 : 1,
  skipped: 0,
  note: bundle.note,
});

console.log("\nSummary");
for (const r of results) {
  console.log(
    `  ${r.name.padEnd(24)} ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ""}${r.note ? `  (${r.note})` : ""}`,
  );
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skipped = results.reduce((n, r) => n + r.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed === 0 ? 0 : 1);
