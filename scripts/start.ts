// `npm start`: the whole product on this machine. Builds the console, writes
// .dev.vars with generated secrets on first run, applies the D1 migrations,
// starts `wrangler dev` (Worker, D1, R2, Queues, Durable Objects, the WeChat
// sandbox), seeds the demo data once, and prints where to sign in.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { ensureDevVars, readDevVars } from "./dev-vars.ts";
import { seedDemo } from "./seed-demo.ts";

const PORT = Number(process.env.PORT ?? 8787);
const ORIGIN = `http://localhost:${PORT}`;
/** How often the local run fires the cron trigger, as Cloudflare would every 15 minutes. */
const CRON_EVERY_MS = 15 * 60 * 1000;

function assertNode22() {
  const major = Number(process.versions.node.split(".")[0]);
  if (major < 22) {
    console.error(
      `Node.js 22 or newer is needed (this is ${process.version}). See README "Requirements".`,
    );
    process.exit(1);
  }
}

function step(title: string, cmd: string, args: string[]) {
  console.log(`\n▸ ${title}`);
  execFileSync(cmd, args, { stdio: "inherit" });
}

async function waitForHealth(child: ChildProcess, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("wrangler dev exited before it was ready");
    try {
      const res = await fetch(`${ORIGIN}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the Worker did not answer on ${ORIGIN} within ${timeoutMs / 1000} s`);
}

async function main() {
  assertNode22();
  const created = ensureDevVars(ORIGIN);
  if (created) console.log("▸ wrote .dev.vars with generated secrets (kept out of git)");
  if (!existsSync("node_modules")) throw new Error("run `npm install` first");

  step("building the console", "node", ["scripts/build-web.ts"]);
  step("applying D1 migrations locally", "npx", [
    "wrangler",
    "d1",
    "migrations",
    "apply",
    "wechat-qr",
    "--local",
  ]);

  console.log("\n▸ starting wrangler dev");
  const child = spawn(
    "npx",
    ["wrangler", "dev", "--port", String(PORT), "--ip", "127.0.0.1", "--test-scheduled"],
    {
      stdio: ["inherit", "inherit", "inherit"],
    },
  );
  const stop = () => child.kill("SIGINT");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => process.exit(code ?? 0));

  await waitForHealth(child);
  const vars = readDevVars();
  await seedDemo(ORIGIN, vars.ADMIN_EMAIL ?? "", vars.ADMIN_PASSWORD ?? "");
  setInterval(
    () => void fetch(`${ORIGIN}/__scheduled?cron=*/15+*+*+*+*`).catch(() => {}),
    CRON_EVERY_MS,
  );

  console.log(`
────────────────────────────────────────────────────────
  WeChat QR Console is running: ${ORIGIN}
  Sign in:  ${vars.ADMIN_EMAIL}
  Password: ${vars.ADMIN_PASSWORD}   (from .dev.vars)
  API reference: ${ORIGIN}/api-docs/
  Stop with Ctrl+C.
────────────────────────────────────────────────────────`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
