import { defineConfig } from "vitest/config";

// The console suite: real headless Chromium against the product started as
// `npm start` starts it (see test/browser/global-setup.ts). Node environment;
// files run one after another because they share one `wrangler dev`.
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/browser/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
