import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ownerWithAccount, sandboxCreateCalls } from "./helpers";
import { confirmImport, type JobBody, previewNames, waitForJob } from "./import-helpers";

const ROWS = 10_000;
const BAD_ROW_INDEX = 4_999;

function bigCsv(): string {
  const lines = ["名称,分组"];
  for (let i = 0; i < ROWS; i++) {
    const name = i === BAD_ROW_INDEX ? "长".repeat(65) : `门店 ${String(i).padStart(5, "0")}`;
    lines.push(`${name},${i % 2 ? "华东" : "华南"}`);
  }
  return `${lines.join("\r\n")}\r\n`;
}

describe("batch creation of 10,000 rows", () => {
  it("creates every good row exactly once and reports the bad one", async () => {
    const { owner, account } = await ownerWithAccount();
    const preview = await previewNames(account.id, bigCsv(), "门店.csv", owner);
    expect(preview.total).toBe(ROWS);
    expect(preview.problemCount).toBe(1);

    const started = Date.now();
    const res = await confirmImport(
      account.id,
      preview.id,
      { kind: "temporary", validityDays: 7 },
      owner,
    );
    const { job } = (await res.json()) as JobBody;
    const done = await waitForJob(job.id, owner, 590_000);
    console.log(`batch of ${ROWS} rows took ${Date.now() - started} ms`);

    expect(done).toMatchObject({ status: "succeeded", total: ROWS, done: ROWS - 1, failed: 1 });
    expect(done.result).toMatchObject({
      created: ROWS - 1,
      failed: 1,
      failures: [
        { row: BAD_ROW_INDEX + 2, errcode: null, reason: "The name is longer than 64 characters" },
      ],
    });
    const stats = await env.DB.prepare(
      `select count(*) as n, count(distinct scene) as scenes, count(distinct group_id) as groups
         from qrcodes where account_id = ?`,
    )
      .bind(account.id)
      .first<{ n: number; scenes: number; groups: number }>();
    expect(stats).toEqual({ n: ROWS - 1, scenes: ROWS - 1, groups: 2 });
    expect(await sandboxCreateCalls(account.appId)).toBe(ROWS - 1);
  }, 600_000);
});
