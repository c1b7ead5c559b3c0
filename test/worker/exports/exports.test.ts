import { env } from "cloudflare:workers";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { call, jsonInit } from "../helpers";
import { createCode, eventually, sandboxSetup, simulate } from "../replies/helpers";
import { cellAt, isDateStyle, readWorkbook, serialToWallMs } from "./read-sheet";

type Job = {
  id: string;
  status: string;
  done: number;
  total: number;
  downloadUrl: string | null;
  result: { rows?: number };
};

async function runExport(path: string, body: unknown, headers: Record<string, string>) {
  const res = await call(path, jsonInit("POST", body, headers));
  if (res.status !== 202) throw new Error(`export failed: ${res.status} ${await res.text()}`);
  const { job } = (await res.json()) as { job: Job };
  const done = await eventually(async () => {
    const r = await call(`/api/jobs/${job.id}`, { headers });
    const j = ((await r.json()) as { job: Job }).job;
    if (j.status === "failed") throw new Error(`job failed: ${JSON.stringify(j)}`);
    return j.status === "succeeded" && j;
  });
  const file = await call(done.downloadUrl ?? "");
  expect(file.status).toBe(200);
  return { job: done, bytes: new Uint8Array(await file.arrayBuffer()), headers: file.headers };
}

const BASE = Date.UTC(2026, 2, 10, 1) / 1000; // 09:00 in Beijing

async function scenario() {
  const { account, headers } = await sandboxSetup();
  const [a, b] = [
    await createCode(account.id, headers, { name: "门店A" }),
    await createCode(account.id, headers, { name: "门店B" }),
  ];
  const scans = [
    { openid: "o_exp_1", scene: a.scene, kind: "subscribe", createTime: BASE },
    { openid: "o_exp_2", scene: a.scene, kind: "subscribe", createTime: BASE + 60 },
    { openid: "o_exp_1", scene: a.scene, kind: "scan", createTime: BASE + 86_400 },
    { openid: "o_exp_3", kind: "subscribe", createTime: BASE + 100 },
    { openid: "o_exp_3", scene: a.scene, kind: "scan", createTime: BASE + 200 },
    { openid: "o_exp_2", kind: "unsubscribe", createTime: BASE + 300 },
    { openid: "o_exp_1", scene: b.scene, kind: "scan", createTime: BASE + 2 * 86_400 },
  ];
  await simulate(account.id, headers, scans);
  await env.DB.prepare(
    "UPDATE fans SET remark = '=HYPERLINK(\"http://evil\")' WHERE account_id = ? AND openid = 'o_exp_3'",
  )
    .bind(account.id)
    .run();
  await env.DB.prepare(
    "UPDATE fans SET remark = '王小明' WHERE account_id = ? AND openid = 'o_exp_1'",
  )
    .bind(account.id)
    .run();
  return { account, headers, a, b };
}

describe("POST /api/accounts/{accountId}/qrcodes/{id}/fans/export", () => {
  it("writes an XLSX a spreadsheet reader opens, with typed cells and Chinese intact", async () => {
    const { account, headers, a } = await scenario();
    const {
      job,
      bytes,
      headers: h,
    } = await runExport(
      `/api/accounts/${account.id}/qrcodes/${a.id}/fans/export`,
      { format: "xlsx" },
      headers,
    );
    expect(h.get("Content-Type")).toContain("spreadsheetml");
    expect(job).toMatchObject({ total: 3, done: 3, result: { rows: 3 } });
    const book = readWorkbook(bytes);
    expect(book.names).toContain("xl/workbook.xml");
    const [header, ...rows] = book.rows;
    expect(header?.map((c) => c.value)).toEqual([
      "OpenID",
      "备注或联系人",
      "首次扫码时间",
      "最近扫码时间",
      "扫码次数",
      "关注时间",
      "关注次数",
      "取关次数",
      "新粉丝/老粉丝",
      "当前是否关注",
      "标签",
    ]);
    const byOpenid = new Map(rows.map((r) => [cellAt(r, "A")?.value, r]));
    expect([...byOpenid.keys()].sort()).toEqual(["o_exp_1", "o_exp_2", "o_exp_3"]);

    const first = byOpenid.get("o_exp_1");
    expect(cellAt(first, "B")?.value).toBe("王小明");
    const firstScan = cellAt(first, "C");
    expect(firstScan?.type).toBeNull();
    expect(isDateStyle(book.styles, firstScan?.style ?? null)).toBe(true);
    // 09:00 Beijing wall-clock, as Excel shows it.
    expect(serialToWallMs(Number(firstScan?.value))).toBe(Date.UTC(2026, 2, 10, 9));
    expect(cellAt(first, "E")).toMatchObject({ type: null, value: "2" });
    expect(cellAt(first, "I")?.value).toBe("新粉丝");
    expect(cellAt(first, "J")?.value).toBe("是");

    const left = byOpenid.get("o_exp_2");
    expect(cellAt(left, "H")?.value).toBe("1");
    expect(cellAt(left, "J")?.value).toBe("否");

    const injected = cellAt(byOpenid.get("o_exp_3"), "B");
    expect(injected).toMatchObject({
      type: "inlineStr",
      formula: false,
      value: '=HYPERLINK("http://evil")',
    });
    expect(cellAt(byOpenid.get("o_exp_3"), "I")?.value).toBe("老粉丝");
  });

  it("writes CSV with the filter applied (new followers in a date range)", async () => {
    const { account, headers, a } = await scenario();
    const { bytes } = await runExport(
      `/api/accounts/${account.id}/qrcodes/${a.id}/fans/export`,
      { format: "csv", segment: "new", from: "2026-03-10", to: "2026-03-10", language: "en" },
      headers,
    );
    // The UTF-8 byte order mark Excel needs to read Chinese; TextDecoder drops it.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(new TextDecoder().decode(bytes).trim(), {
      skipEmptyLines: true,
    });
    const [header, ...rows] = parsed.data;
    expect(header?.[0]).toBe("OpenID");
    expect(rows.map((r) => r[0]).sort()).toEqual(["o_exp_1", "o_exp_2"]);
    expect(rows.every((r) => r[8] === "New follower")).toBe(true);
  });
});

describe("POST /api/accounts/{accountId}/scans/export", () => {
  it("puts the scans of several codes in one file, each row naming its code", async () => {
    const { account, headers, a, b } = await scenario();
    const { bytes, job } = await runExport(
      `/api/accounts/${account.id}/scans/export`,
      { qrcodeIds: [a.id, b.id], format: "xlsx" },
      headers,
    );
    expect(job.result.rows).toBe(5);
    const [, ...rows] = readWorkbook(bytes).rows;
    expect(rows.map((r) => [cellAt(r, "A")?.value, cellAt(r, "C")?.value])).toEqual([
      ["门店A", "o_exp_1"],
      ["门店A", "o_exp_2"],
      ["门店A", "o_exp_3"],
      ["门店A", "o_exp_1"],
      ["门店B", "o_exp_1"],
    ]);
  });

  it("answers 404 when one of the codes is another account's", async () => {
    const { account, headers } = await scenario();
    const other = await sandboxSetup();
    const foreign = await createCode(other.account.id, other.headers, {});
    const res = await call(
      `/api/accounts/${account.id}/scans/export`,
      jsonInit("POST", { qrcodeIds: [foreign.id] }, headers),
    );
    expect(res.status).toBe(404);
  });
});
