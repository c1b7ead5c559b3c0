// Benchmarks that need workerd (real D1, Durable Objects, the whole Worker): run with
//   npx vitest run --config bench/workerd/vitest.config.ts [webhook-event|stats|batch-create]
// or through node bench/run.ts <name> (bench/workerd-run.ts), which keeps the figures in
// bench/results/<name>.json.
import { fileURLToPath } from "node:url";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

const TEST_SECRETS = {
  ADMIN_EMAIL: "owner@example.com",
  ADMIN_PASSWORD: "correct horse battery staple",
  SECRETS_KEY: "k1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
  SECRETS_KEYS_OLD: "",
  SIGNING_KEY: "bench-signing-key-0123456789abcdef",
  PUBLIC_BASE_URL: "http://example.com",
};

export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: fileURLToPath(new URL("../../wrangler.toml", import.meta.url)) },
      miniflare: {
        bindings: {
          ...TEST_SECRETS,
          TEST_MIGRATIONS: await readD1Migrations(
            fileURLToPath(new URL("../../migrations", import.meta.url)),
          ),
        },
      },
    })),
  ],
  test: {
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["bench/workerd/**/*.bench.test.ts"],
    setupFiles: ["./test/worker/setup.ts"],
    testTimeout: 1_800_000,
    hookTimeout: 1_800_000,
  },
});
