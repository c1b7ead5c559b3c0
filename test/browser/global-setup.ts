// Starts the product the way `npm start` does, on a free port with its own
// throw-away state: builds the console, applies the D1 migrations, starts
// `wrangler dev`, waits for /api/health, seeds the demo data, and hands the
// tests the origin and the sign-in. Everything is torn down afterwards.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { seedDemo } from "../../scripts/seed-demo.ts";

const ADMIN_EMAIL = "owner@example.com";
const ADMIN_PASSWORD = `pw-${randomBytes(9).toString("base64url")}`;

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    adminEmail: string;
    adminPassword: string;
    /** wrangler's --persist-to directory, for fixtures no API can create (dead letters). */
    stateDir: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function writeEnvFile(dir: string, origin: string): string {
  const file = join(dir, "test.env");
  const lines = [
    `ADMIN_EMAIL=${ADMIN_EMAIL}`,
    `ADMIN_PASSWORD=${ADMIN_PASSWORD}`,
    `SECRETS_KEY=k1:${randomBytes(32).toString("base64")}`,
    "SECRETS_KEYS_OLD=",
    `SIGNING_KEY=${randomBytes(32).toString("base64url")}`,
    `PUBLIC_BASE_URL=${origin}`,
  ];
  writeFileSync(file, `${lines.join("\n")}\n`, { mode: 0o600 });
  return file;
}

async function waitForHealth(origin: string, child: ChildProcess, logs: () => string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${logs()}`);
    // wrangler dev keeps watching after a failed build; waiting longer would not help.
    if (/Build failed/.test(logs())) throw new Error(`the Worker did not build:\n${logs()}`);
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 400));
  }
  throw new Error(`wrangler dev did not answer on ${origin}:\n${logs()}`);
}

export default async function setup(project: TestProject) {
  const state = mkdtempSync(join(tmpdir(), "qr-browser-"));
  const port = await freePort();
  const inspectorPort = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const envFile = writeEnvFile(state, origin);
  const env = { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" };

  if (process.env.SKIP_WEB_BUILD !== "1") {
    execFileSync("node", ["scripts/build-web.ts"], { stdio: "inherit", env });
  }
  execFileSync(
    "npx",
    ["wrangler", "d1", "migrations", "apply", "wechat-qr", "--local", "--persist-to", state],
    { stdio: "pipe", env },
  );

  const child = spawn(
    "npx",
    [
      "wrangler",
      "dev",
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--inspector-port",
      String(inspectorPort),
      "--persist-to",
      state,
      "--env-file",
      envFile,
      "--show-interactive-dev-session=false",
      "--test-scheduled",
    ],
    { env, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  const teardown = async () => {
    // wrangler dev runs workerd as a child: end the whole process group we started.
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    if (process.env.KEEP_BROWSER_STATE !== "1") rmSync(state, { recursive: true, force: true });
  };

  try {
    await waitForHealth(origin, child, () => output);
    await seedDemo(origin, ADMIN_EMAIL, ADMIN_PASSWORD);
  } catch (err) {
    await teardown();
    throw err;
  }

  project.provide("baseUrl", origin);
  project.provide("adminEmail", ADMIN_EMAIL);
  project.provide("adminPassword", ADMIN_PASSWORD);
  project.provide("stateDir", state);
  return teardown;
}
