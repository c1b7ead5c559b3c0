import { fileURLToPath } from "node:url";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Fixed, test-only secrets. Real ones come from `wrangler secret put` or .dev.vars.
const TEST_SECRETS = {
  ADMIN_EMAIL: "owner@example.com",
  ADMIN_PASSWORD: "correct horse battery staple",
  SECRETS_KEY: "k1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
  SECRETS_KEYS_OLD: "",
  SIGNING_KEY: "test-signing-key-0123456789abcdef",
  PUBLIC_BASE_URL: "http://example.com",
};

export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          ...TEST_SECRETS,
          TEST_MIGRATIONS: await readD1Migrations(
            fileURLToPath(new URL("./migrations", import.meta.url)),
          ),
        },
      },
    })),
  ],
  test: {
    include: ["test/worker/**/*.test.ts"],
    setupFiles: ["./test/worker/setup.ts"],
    testTimeout: 30_000,
  },
});
