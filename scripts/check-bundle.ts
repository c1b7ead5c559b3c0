// Bundles the Worker exactly as `wrangler deploy` would (without uploading)
// and checks it stays well inside Cloudflare's script size limit
// (3 MiB compressed on the Free plan, 10 MiB on paid plans).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const OUT_DIR = join("dist", "worker");
/** Our own budget: a third of the Free plan's limit, so growth is noticed early. */
export const BUNDLE_BUDGET_GZIP_BYTES = 1024 * 1024;

export function checkBundle(): { ok: boolean; note: string } {
  rmSync(OUT_DIR, { recursive: true, force: true });
  const res = spawnSync("npx", ["wrangler", "deploy", "--dry-run", "--outdir", OUT_DIR], {
    stdio: "inherit",
  });
  if (res.status !== 0) return { ok: false, note: "wrangler deploy --dry-run failed" };

  let raw = 0;
  let gzip = 0;
  for (const name of readdirSync(OUT_DIR)) {
    const path = join(OUT_DIR, name);
    if (!statSync(path).isFile() || name.endsWith(".map")) continue;
    const bytes = readFileSync(path);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  const note = `${kib(raw)} raw, ${kib(gzip)} gzip, budget ${kib(BUNDLE_BUDGET_GZIP_BYTES)}`;
  return { ok: gzip <= BUNDLE_BUDGET_GZIP_BYTES, note };
}

if (import.meta.main) {
  const result = checkBundle();
  console.log(result.note);
  process.exit(result.ok ? 0 : 1);
}
