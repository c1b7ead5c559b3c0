import { env } from "cloudflare:workers";
import { unzipSync } from "fflate";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { cellAt, readWorkbook } from "../exports/read-sheet";
import { createUserWithToken } from "../factories/users";
import { createTestAccount } from "../factories/wechat-accounts";
import { call, jsonInit } from "../helpers";
import { confirmImport, previewNames, waitForJob } from "../qrcodes/import-helpers";

/**
 * Formula-like code names arrive in a batch names file. They are data: the
 * preview and the codes keep them exactly. Every file the product writes
 * back guards them so a spreadsheet shows them as text and runs nothing:
 * a leading apostrophe in CSV (the manifest of a ZIP, a scans export), a
 * text cell with the quote-prefix style in XLSX. (The writers alone:
 * test/worker/files/csv-writer.test.ts and xlsx-writer.test.ts.)
 */
const NAMES = [
  '=HYPERLINK("http://evil.example","open")',
  "+1+1",
  "-2+3",
  "@SUM(A1:A9)",
  "=cmd|' /C calc'!A0",
];
const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

let headers: Record<string, string>;
let accountId: string;
let codes: { id: string; name: string; scene: string }[] = [];

type Job = { id: string; status: string; downloadUrl: string | null };

async function fileOfJob(path: string, body: unknown): Promise<Uint8Array> {
  const res = await call(path, jsonInit("POST", body, headers));
  if (res.status !== 202) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  const done = await waitForJob(((await res.json()) as { job: Job }).job.id, headers);
  expect(done.status).toBe("succeeded");
  return new Uint8Array(await (await call(done.downloadUrl ?? "")).arrayBuffer());
}

const parseCsv = (bytes: Uint8Array) =>
  Papa.parse<string[]>(new TextDecoder().decode(bytes).replace(/^\ufeff/, ""), {
    skipEmptyLines: true,
  }).data;

beforeAll(async () => {
  headers = (await createUserWithToken("owner")).headers;
  accountId = (await createTestAccount({ messageMode: "plaintext" })).account.id;
  const file = `名称\r\n${NAMES.map(csvCell).join("\r\n")}\r\n`;
  const preview = await previewNames(accountId, file, "names.csv", headers);
  expect(preview.rows.map((r) => r.name)).toEqual(NAMES);
  const confirmed = await confirmImport(accountId, preview.id, { kind: "permanent" }, headers);
  const { job } = (await confirmed.json()) as { job: Job };
  expect((await waitForJob(job.id, headers)).status).toBe("succeeded");
  const rows = await env.DB.prepare(
    "select id, name, scene from qrcodes where account_id = ? order by created_at, scene",
  )
    .bind(accountId)
    .all<{ id: string; name: string; scene: string }>();
  codes = rows.results;
  const scans = codes.map((c) => ({ scene: c.scene }));
  const simulated = await call(
    `/api/accounts/${accountId}/sandbox/scans`,
    jsonInit("POST", { scans }, headers),
  );
  expect(simulated.status).toBe(200);
});

describe("formula-like names from a batch names file", () => {
  it("are stored exactly as written", () => {
    expect(codes.map((c) => c.name).sort()).toEqual([...NAMES].sort());
  });

  it("come back guarded with an apostrophe in the ZIP's manifest.csv", async () => {
    const zip = unzipSync(
      await fileOfJob(`/api/accounts/${accountId}/qrcodes/downloads`, {
        ids: codes.map((c) => c.id),
      }),
    );
    const [header, ...rows] = parseCsv(zip["manifest.csv"] ?? new Uint8Array());
    const name = header?.indexOf("name") ?? -1;
    expect(rows.map((r) => r[name]).sort()).toEqual(NAMES.map((n) => `'${n}`).sort());
    for (const entry of Object.keys(zip)) expect(entry).not.toMatch(/[/\\:"|]/);
  });

  it("come back guarded with an apostrophe in a CSV scans export", async () => {
    const [, ...rows] = parseCsv(
      await fileOfJob(`/api/accounts/${accountId}/scans/export`, {
        qrcodeIds: codes.map((c) => c.id),
        format: "csv",
      }),
    );
    expect(rows.map((r) => r[0]).sort()).toEqual(NAMES.map((n) => `'${n}`).sort());
  });

  it("come back as text cells, never formulas, in an XLSX scans export", async () => {
    const { rows } = readWorkbook(
      await fileOfJob(`/api/accounts/${accountId}/scans/export`, {
        qrcodeIds: codes.map((c) => c.id),
        format: "xlsx",
      }),
    );
    const cells = rows.slice(1).map((r) => cellAt(r, "A"));
    expect(cells.map((c) => c?.value).sort()).toEqual([...NAMES].sort());
    for (const cell of cells) {
      expect(cell?.formula).toBe(false);
      expect(cell?.type).toMatch(/^(s|str|inlineStr)$/);
      expect(cell?.style).not.toBeNull();
    }
  });
});
