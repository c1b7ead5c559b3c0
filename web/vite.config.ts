import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

// The console is static files served by the Worker's assets binding
// (wrangler.toml `[assets] directory = "./web/dist"`). In `vite dev` the API
// lives in `wrangler dev`, so its paths are proxied there.
const WORKER_ORIGIN = process.env.WORKER_ORIGIN ?? "http://127.0.0.1:8787";
const WORKER_PATHS = ["/api", "/wechat", "/f", "/q", "/files", "/sandbox"];

export default defineConfig(({ command }) => ({
  root: fileURLToPath(new URL(".", import.meta.url)),
  // Devtools hooks only in `vite dev`; the production bundle stays lean.
  plugins: [preact({ devToolsEnabled: command === "serve" })],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: Object.fromEntries(
      WORKER_PATHS.map((p) => [p, { target: WORKER_ORIGIN, ws: p === "/api" }]),
    ),
  },
}));
