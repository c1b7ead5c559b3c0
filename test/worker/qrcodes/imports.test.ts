import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../src/db/client";
import { createXlsxWriter } from "../../../src/files/xlsx-writer";
import { addFault } from "../../../src/sandbox/faults";
import { call } from "../helpers";
import {
  codesPath,
  createCode,
  type ErrorBody,
  ownerWithAccount,
  sandboxCreateCalls,
  storedCodeCount,
} from "./helpers";
import {
  confirmImport,
  type JobBody,
  previewNames,
  uploadNames,
  waitForJob,
} from "./import-helpers";

/** "名称,分组 / 上海门店,华东 / 北京门店,华北" as Excel on Chinese Windows saves it (GBK). */
const GBK_CSV = new Uint8Array([
  195, 251, 179, 198, 44, 183, 214, 215, 233, 13, 10, 201, 207, 186, 163, 195, 197, 181, 234, 44,
  187, 170, 182, 171, 13, 10, 177, 177, 190, 169, 195, 197, 181, 234, 44, 187, 170, 177, 177, 13,
  10,
]);

async function codeNames(accountId: string): Promise<string[]> {
  const res = await env.DB.prepare(
    "select name from qrcodes where account_id = ? and deleted_at is null order by scene",
  )
    .bind(accountId)
    .all<{ name: string }>();
  return res.results.map((r) => r.name);
}

async function xlsxBytes(rows: string[][]): Promise<Uint8Array> {
  const writer = createXlsxWriter({ columns: [{ header: "名称" }, { header: "分组" }] });
  const collected = new Response(writer.stream).arrayBuffer();
  for (const row of rows) await writer.addRow(row);
  await writer.finish();
  return new Uint8Array(await collected);
}

async function runImport(
  accountId: string,
  bytes: Uint8Array | string,
  fileName: string,
  settings: Record<string, unknown>,
  owner: Record<string, string>,
) {
  const preview = await previewNames(accountId, bytes, fileName, owner);
  const res = await confirmImport(accountId, preview.id, settings, owner);
  expect(res.status).toBe(202);
  const { job } = (await res.json()) as JobBody;
  return { preview, job: await waitForJob(job.id, owner) };
}

describe("POST /api/accounts/{accountId}/qrcodes/imports", () => {
  it("keeps the Chinese names and groups of a GBK CSV", async () => {
    const { owner, account } = await ownerWithAccount();
    const { preview, job } = await runImport(
      account.id,
      GBK_CSV,
      "门店.csv",
      { kind: "temporary" },
      owner,
    );
    expect(preview.encoding).toBe("gb18030");
    expect(preview.rows.map((r) => [r.row, r.name, r.group])).toEqual([
      [2, "上海门店", "华东"],
      [3, "北京门店", "华北"],
    ]);
    expect(job).toMatchObject({ status: "succeeded", done: 2, failed: 0 });
    expect(await codeNames(account.id)).toEqual(["上海门店", "北京门店"]);
    const groups = (await (
      await call(`/api/accounts/${account.id}/groups`, { headers: owner })
    ).json()) as {
      groups: { name: string; codeCount: number }[];
    };
    expect(groups.groups.map((g) => [g.name, g.codeCount]).sort()).toEqual([
      ["华东", 1],
      ["华北", 1],
    ]);
  });

  it("reads an XLSX workbook", async () => {
    const { owner, account } = await ownerWithAccount();
    const bytes = await xlsxBytes([
      ["Poster A", ""],
      ["Poster B", "Print"],
    ]);
    const { job } = await runImport(account.id, bytes, "names.xlsx", { kind: "permanent" }, owner);
    expect(job).toMatchObject({ status: "succeeded", done: 2 });
    expect(await codeNames(account.id)).toEqual(["Poster A", "Poster B"]);
  });

  it("reports every kind of bad row in the preview and in the job, losing none", async () => {
    const { owner, account } = await ownerWithAccount();
    await createCode(account.id, { name: "Existing", kind: "temporary" }, owner);
    const csv = [
      "name,group",
      "Good",
      ",Lonely group",
      "x".repeat(65),
      "Good",
      "Existing",
      "Other",
    ].join("\n");
    const { preview, job } = await runImport(
      account.id,
      csv,
      "bad.csv",
      { kind: "temporary" },
      owner,
    );

    expect(preview.rows.map((r) => [r.row, r.problems])).toEqual([
      [2, []],
      [3, ["empty_name"]],
      [4, ["name_too_long"]],
      [5, ["duplicate_in_file"]],
      [6, ["duplicate_existing"]],
      [7, []],
    ]);
    expect(job).toMatchObject({ status: "succeeded", total: 6, done: 2, failed: 4 });
    const failures = (job.result as { failures: { row: number; reason: string }[] }).failures;
    expect(failures.map((f) => f.row)).toEqual([3, 4, 5, 6]);
    expect(failures[2]?.reason).toBe("Skipped: The same name appears earlier in the file (row 2)");
    expect(await codeNames(account.id)).toEqual(["Existing", "Good", "Other"]);
  });

  it("creates duplicates but still fails impossible rows when problem rows are not skipped", async () => {
    const { owner, account } = await ownerWithAccount();
    const csv = ["name", "Same", "Same", "y".repeat(70)].join("\n");
    const { job } = await runImport(
      account.id,
      csv,
      "dups.csv",
      { kind: "temporary", skipProblemRows: false },
      owner,
    );
    expect(job).toMatchObject({ done: 2, failed: 1 });
    expect(await codeNames(account.id)).toEqual(["Same", "Same"]);
  });

  it("applies the shared settings to every row", async () => {
    const { owner, account } = await ownerWithAccount();
    const settings = {
      kind: "temporary",
      validityDays: 3,
      newGroupName: "Event",
      autoRenew: true,
      reply: [{ type: "text", content: "Welcome" }],
    };
    await runImport(account.id, "a\nb\n", "s.csv", settings, owner);
    const list = (await (
      await call(codesPath(account.id, "?sort=name&order=asc"), { headers: owner })
    ).json()) as {
      items: {
        name: string;
        groupName: string;
        validityDays: number;
        autoRenew: boolean;
        reply: unknown[];
      }[];
    };
    expect(list.items).toHaveLength(2);
    for (const item of list.items) {
      expect(item).toMatchObject({ groupName: "Event", validityDays: 3, autoRenew: true });
      expect(item.reply).toEqual([{ type: "text", content: "Welcome" }]);
    }
  });

  it("stops at the permanent cap and fails the rows left with the reason", async () => {
    const { owner, account } = await ownerWithAccount();
    await env.DB.prepare(
      `with recursive n(i) as (select 1 union all select i + 1 from n where i < 99998)
       insert into qrcodes (id, account_id, name, kind, scene, action_name, live_token, created_at, updated_at)
       select 'cap_' || i, ?1, 'cap ' || i, 'permanent', 'c' || i, 'QR_LIMIT_SCENE', ?1 || '_' || i, 0, 0 from n`,
    )
      .bind(account.id)
      .run();
    const { job } = await runImport(
      account.id,
      "n1\nn2\nn3\nn4\nn5\n",
      "cap.csv",
      { kind: "permanent" },
      owner,
    );
    expect(job).toMatchObject({ status: "succeeded", done: 2, failed: 3 });
    const failures = (job.result as { failures: { row: number; reason: string }[] }).failures;
    expect(failures.map((f) => f.row)).toEqual([3, 4, 5]);
    expect(failures[0]?.reason).toMatch(/100,000 permanent/);
    expect(await sandboxCreateCalls(account.appId)).toBe(2);
  });

  it("fails every row with WeChat's explanation when WeChat refuses the account", async () => {
    const { owner, account } = await ownerWithAccount();
    await addFault(getDb(env.DB), account.appId, {
      path: "/cgi-bin/qrcode/create",
      errcode: 48001,
      errmsg: "api unauthorized",
      delayMs: 0,
      times: 100,
    });
    const { job } = await runImport(account.id, "a\nb\nc\n", "x.csv", { kind: "temporary" }, owner);
    expect(job).toMatchObject({ status: "succeeded", done: 0, failed: 3 });
    const failures = (job.result as { failures: { errcode: number; reason: string }[] }).failures;
    expect(
      failures.every((f) => f.errcode === 48001 && /verified Service Account/.test(f.reason)),
    ).toBe(true);
    expect(await storedCodeCount(account.id)).toBe(0);
  });

  it.each([
    ["an empty file", "", "empty.csv", "invalid_file"],
    [
      "an old .xls workbook",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      "a.xls",
      "invalid_file",
    ],
    ["a file with only blank rows", "\n\n,,\n", "blank.csv", "invalid_file"],
  ])("answers 400 for %s", async (_label, bytes, fileName, code) => {
    const { owner, account } = await ownerWithAccount();
    const res = await uploadNames(account.id, bytes, fileName, owner);
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.code).toBe(code);
  });

  it("answers 400 when the form has no file", async () => {
    const { owner, account } = await ownerWithAccount();
    const form = new FormData();
    form.append("other", "x");
    const res = await call(codesPath(account.id, "/imports"), {
      method: "POST",
      body: form,
      headers: owner,
    });
    expect(res.status).toBe(400);
  });
});

describe("POST /api/accounts/{accountId}/qrcodes/imports/{importId}/confirm", () => {
  it("answers the same job when confirmed twice", async () => {
    const { owner, account } = await ownerWithAccount();
    const preview = await previewNames(account.id, "a\n", "a.csv", owner);
    const first = (await (
      await confirmImport(account.id, preview.id, { kind: "temporary" }, owner)
    ).json()) as JobBody;
    const again = (await (
      await confirmImport(account.id, preview.id, { kind: "temporary" }, owner)
    ).json()) as JobBody;
    expect(again.job.id).toBe(first.job.id);
    await waitForJob(first.job.id, owner);
    expect(await storedCodeCount(account.id)).toBe(1);
  });

  it("answers 404 for an import of another account", async () => {
    const { owner, account } = await ownerWithAccount();
    const other = await ownerWithAccount();
    const preview = await previewNames(other.account.id, "a\n", "a.csv", owner);
    const res = await confirmImport(account.id, preview.id, { kind: "temporary" }, owner);
    expect(res.status).toBe(404);
  });

  it.each([
    ["a missing kind", {}],
    ["a validity of 31 days", { kind: "temporary", validityDays: 31 }],
    ["a validity on permanent codes", { kind: "permanent", validityDays: 3 }],
  ])("answers 400 for %s", async (_label, body) => {
    const { owner, account } = await ownerWithAccount();
    const preview = await previewNames(account.id, "a\n", "a.csv", owner);
    expect((await confirmImport(account.id, preview.id, body, owner)).status).toBe(400);
  });
});
