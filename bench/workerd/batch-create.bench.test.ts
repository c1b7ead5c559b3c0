// 10,000-row batch creation end to end against the sandbox: upload and preview through the API,
// confirm, and wait until the queued job has created every code. Also measures what one D1
// query and one sandbox qrcode/create call cost on this machine, since those bound the total.
// Run: node bench/run.ts batch-create   (writes bench/results/batch-create.json)
import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import { getDb } from "../../src/db/client";
import { issueQrTicket } from "../../src/qrcodes/issue-ticket";
import { createSandboxAccount } from "../../test/worker/factories/accounts";
import { ownerTokenHeaders } from "../../test/worker/helpers";
import {
  confirmImport,
  type JobBody,
  previewNames,
  waitForJob,
} from "../../test/worker/qrcodes/import-helpers";
import { type Calls, countingEnv } from "./counting-env";

const ROWS = 10_000;
const PROBES = 100;

function namesCsv(rows: number): string {
  const lines = ["名称,分组"];
  for (let i = 0; i < rows; i++)
    lines.push(`上海门店 ${String(i).padStart(5, "0")},${i % 10 ? "华东" : "华南"}`);
  return `${lines.join("\r\n")}\r\n`;
}

async function msPer(count: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i++) await fn(i);
  return (performance.now() - started) / count;
}

it("creates 10,000 codes from one upload", async () => {
  const owner = await ownerTokenHeaders();
  const account = await createSandboxAccount(owner);
  const row = await getDb(env.DB).query.accounts.findFirst({
    where: (a, { eq }) => eq(a.id, account.id),
  });
  if (!row) throw new Error("account missing");

  const d1QueryMs = await msPer(PROBES, () => env.DB.prepare("select 1").first());
  // The sandbox answers from D1 too: count the D1 calls of one qrcode/create on this side
  // (the Durable Object holding the token has its own).
  const probeCalls: Calls = { d1: 0, queue: 0 };
  const counted = countingEnv(probeCalls);
  const sandboxCallMs = await msPer(PROBES, (i) =>
    issueQrTicket(counted, row, { kind: "temporary", scene: `probe${i}`, validityDays: 1 }),
  );

  const csv = namesCsv(ROWS);
  let t = performance.now();
  const preview = await previewNames(account.id, csv, "bench.csv", owner);
  const previewMs = performance.now() - t;

  t = Date.now();
  const res = await confirmImport(
    account.id,
    preview.id,
    { kind: "temporary", validityDays: 7 },
    owner,
  );
  const { job } = (await res.json()) as JobBody;
  const done = await waitForJob(job.id, owner, 1_700_000);
  const jobMs = Date.now() - t;
  expect(done).toMatchObject({ status: "succeeded", done: ROWS, failed: 0 });

  const result = {
    bench: "batch-create",
    rows: ROWS,
    uploadBytes: new TextEncoder().encode(csv).length,
    previewMs: Math.round(previewMs),
    jobMs,
    rowsPerSecond: Math.round((ROWS / jobMs) * 1000),
    msPerRow: Number((jobMs / ROWS).toFixed(2)),
    d1QueryMs: Number(d1QueryMs.toFixed(2)),
    sandboxCallMs: Number(sandboxCallMs.toFixed(2)),
    sandboxCallD1Calls: probeCalls.d1 / PROBES,
  };
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
});
