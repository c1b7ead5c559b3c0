// The whole scan-records export pipeline on a million rows under a 96 MB heap cap (as the
// XLSX bench does): the job runner reads D1 in keyset pages, maps rows, streams them through
// the XLSX (or CSV) writer into the R2 multipart writer. D1 is stood in for by node:sqlite with
// the product's migration applied (D1 is SQLite); R2 by a bucket that counts the bytes of each
// part. Finishing under the cap shows the export never collects its rows.
//   node bench/export-pipeline.ts [rows=1000000] [xlsx|csv]
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { build } from "esbuild";
import { gc, MB, machine, usedBytes, writeResult } from "./common.ts";

const ROWS = Number(process.argv[2] ?? 1_000_000);
const FORMAT = process.argv[3] === "csv" ? "csv" : "xlsx";
const OUT = new URL("../node_modules/.cache/bench-build/export-pipeline.mjs", import.meta.url);

if (!process.env.EXPORT_BENCH_CHILD) {
  await build({
    stdin: {
      contents: `export { runScansExport } from "./src/exports/scans-export-runner";
export { runFansExport } from "./src/exports/fans-export-runner";`,
      resolveDir: new URL("..", import.meta.url).pathname,
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    platform: "node",
    target: "es2023",
    outfile: OUT.pathname,
    logLevel: "warning",
  });
  const child = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      "--max-old-space-size=96",
      new URL(import.meta.url).pathname,
      ...process.argv.slice(2),
    ],
    { stdio: "inherit", env: { ...process.env, EXPORT_BENCH_CHILD: "1" } },
  );
  process.exit(child.status ?? 1);
}

type Bind = (string | number | null)[];

/**
 * The part of D1's API drizzle and the runners use, over node:sqlite. `calls.queries` counts
 * the round trips a deployed Worker would make (each statement run alone, each batch).
 */
function d1(db: DatabaseSync, sample: () => void, calls: { queries: number }) {
  const statement = (sql: string, params: Bind = []) => ({
    bind: (...args: Bind) => statement(sql, args),
    all: async () => {
      calls.queries++;
      // Sampled at every page read: the rows of the previous page are garbage by now at most.
      sample();
      return { results: db.prepare(sql).all(...params), success: true, meta: {} };
    },
    first: async () => {
      calls.queries++;
      return db.prepare(sql).get(...params) ?? null;
    },
    raw: async () => {
      calls.queries++;
      const s = db.prepare(sql);
      s.setReturnArrays(true);
      return s.all(...params);
    },
    run: async () => {
      calls.queries++;
      const r = db.prepare(sql).run(...params);
      return {
        success: true,
        meta: { changes: Number(r.changes), last_row_id: Number(r.lastInsertRowid) },
        results: [],
      };
    },
  });
  return {
    prepare: (sql: string) => statement(sql),
    batch: async (list: ReturnType<typeof statement>[]) => {
      // One round trip for the whole batch: the statements below count one each.
      calls.queries -= list.length - 1;
      db.exec("BEGIN");
      try {
        const out = [];
        for (const s of list) out.push(await s.all());
        db.exec("COMMIT");
        return out;
      } catch (err) {
        db.exec("ROLLBACK");
        throw err;
      }
    },
  };
}

/** An R2 bucket that keeps nothing but the byte counts, sampling memory at each part. */
function countingBucket(sample: () => void) {
  let bytes = 0;
  let parts = 0;
  return {
    stats: () => ({ bytes, parts }),
    put: async (_key: string, value: Uint8Array) => {
      bytes += value.byteLength;
      return {};
    },
    createMultipartUpload: async () => ({
      uploadPart: async (n: number, value: Uint8Array) => {
        bytes += value.byteLength;
        parts++;
        sample();
        return { partNumber: n, etag: String(n) };
      },
      complete: async () => ({}),
      abort: async () => undefined,
    }),
  };
}

function seed(db: DatabaseSync, accountId: string, codeId: string) {
  db.exec(
    readFileSync(new URL("../migrations/0000_init.sql", import.meta.url), "utf8").replaceAll(
      "--> statement-breakpoint",
      "",
    ),
  );
  const fans = Math.max(1, Math.floor(ROWS / 4));
  db.exec(
    `INSERT INTO accounts (id, name, app_id, created_at, updated_at) VALUES ('${accountId}', 'bench', 'wxbench', 0, 0)`,
  );
  db.exec(`INSERT INTO qrcodes (id, account_id, name, kind, scene, action_name, live_token, created_at, updated_at)
           VALUES ('${codeId}', '${accountId}', '门店-上海静安', 'permanent', 'big', 'QR_LIMIT_STR_SCENE', 'lt', 0, 0)`);
  db.exec(`INSERT INTO fans (id, account_id, openid, remark, wechat_tag_ids, created_at, updated_at)
           WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${fans})
           SELECT 'fan_' || i, '${accountId}', 'oBench' || printf('%022d', i),
             CASE WHEN i % 5 = 0 THEN '=HYPERLINK("x")' ELSE '客户' || i END, '[]', 0, 0 FROM n`);
  db.exec(`INSERT INTO scans (account_id, qrcode_id, scene, fan_id, event, is_new_follower, occurred_at, dedupe_key, created_at)
           WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${ROWS})
           SELECT '${accountId}', '${codeId}', 'big', 'fan_' || ((i * 7919) % ${fans}),
             CASE WHEN i % 3 = 0 THEN 'subscribe' ELSE 'SCAN' END, i % 3 = 0,
             1735660800000 + i * 30000, 'd' || i, 0 FROM n`);
}

const sqlite = new DatabaseSync(":memory:");
seed(sqlite, "acc_bench", "qr_bench");
const lib = (await import(OUT.href)) as {
  runScansExport: (env: unknown, job: unknown) => Promise<unknown>;
};
sqlite.exec(`INSERT INTO jobs (id, account_id, type, status, params, created_at, updated_at)
  VALUES ('job_bench', 'acc_bench', 'scans_export', 'running', '{}', 0, 0)`);

gc();
const baseline = usedBytes();
let peak = baseline;
const sample = () => {
  peak = Math.max(peak, usedBytes());
};
const timer = setInterval(sample, 25);
const bucket = countingBucket(sample);
const calls = { queries: 0 };
const env = { DB: d1(sqlite, sample, calls), ARTIFACTS: bucket };
const job = {
  id: "job_bench",
  accountId: "acc_bench",
  params: { qrcodeIds: ["qr_bench"], format: FORMAT, language: "zh-CN" },
};
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await lib.runScansExport(env, job);
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
clearInterval(timer);

const row = sqlite
  .prepare("SELECT status, done, result FROM jobs WHERE id = 'job_bench'")
  .get() as {
  status: string;
  done: number;
  result: string;
};
if (row.status !== "succeeded" || row.done !== ROWS)
  throw new Error(`export did not finish: ${JSON.stringify(row)}`);
const result = {
  rows: ROWS,
  format: FORMAT,
  outputMB: +(bucket.stats().bytes / MB).toFixed(1),
  parts: bucket.stats().parts,
  d1Queries: calls.queries,
  cpuS: +((cpu.user + cpu.system) / 1e6).toFixed(1),
  wallS: +(wallMs / 1000).toFixed(1),
  peakAboveBaselineMB: Math.round((peak - baseline) / MB),
  peakUsedMB: Math.round(peak / MB),
};
console.log(result);
writeResult(`export-pipeline-${FORMAT}`, { machine: machine(), heapCapMB: 96, ...result });
