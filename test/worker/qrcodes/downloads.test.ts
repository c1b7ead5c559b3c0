import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { call, jsonInit } from "../helpers";
import { decodePng, decodeQr, rasteriseSvg } from "../images/decode-helpers";
import {
  codesPath,
  createCode,
  type ErrorBody,
  ownerWithAccount,
  type QrCodeBody,
} from "./helpers";
import { type JobBody, waitForJob } from "./import-helpers";

async function download(accountId: string, body: unknown, headers: Record<string, string>) {
  return call(codesPath(accountId, "/downloads"), jsonInit("POST", body, headers));
}

async function zipOf(accountId: string, body: unknown, headers: Record<string, string>) {
  const res = await download(accountId, body, headers);
  expect(res.status).toBe(202);
  const { job } = (await res.json()) as JobBody;
  const done = await waitForJob(job.id, headers);
  expect(done.status).toBe("succeeded");
  expect(done.downloadUrl).toMatch(/^\/files\//);
  const file = await call(done.downloadUrl ?? "");
  expect(file.headers.get("Content-Type")).toBe("application/zip");
  return { job: done, files: unzipSync(new Uint8Array(await file.arrayBuffer())) };
}

/** Parses the manifest (BOM, CRLF, no quoted commas in these tests) into objects by header. */
function manifestRows(bytes: Uint8Array | undefined): Record<string, string>[] {
  const text = new TextDecoder().decode(bytes).replace(/^\ufeff/, "");
  const [header, ...lines] = text.trimEnd().split("\r\n");
  const keys = (header ?? "").split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [keys[i], v])));
}

describe("POST /api/accounts/{accountId}/qrcodes/downloads", () => {
  it("writes a ZIP holding every selected image, uniquely named, and the manifest", async () => {
    const { owner, account } = await ownerWithAccount();
    const codes: QrCodeBody[] = [];
    for (const [name, kind] of [
      ["A", "temporary"],
      ["a", "permanent"],
      ["门店", "temporary"],
    ]) {
      codes.push(await createCode(account.id, { name, kind, newGroupName: "Print" }, owner));
    }
    const { job, files } = await zipOf(
      account.id,
      { ids: codes.map((c) => c.id), size: 300 },
      owner,
    );
    expect(job).toMatchObject({ total: 3, done: 3 });
    expect(Object.keys(files).sort()).toEqual(
      ["A.png", "a (2).png", "manifest.csv", "门店.png"].sort(),
    );

    const rows = manifestRows(files["manifest.csv"]);
    expect(rows.map((r) => [r.file, r.name, r.kind, r.scene, r.url, r.group])).toEqual(
      codes.map((c, i) => [
        ["A.png", "a (2).png", "门店.png"][i],
        c.name,
        c.kind,
        c.scene,
        c.url,
        "Print",
      ]),
    );
    expect(rows[1]?.expires).toBe("");
    expect(rows[0]?.expires).toMatch(/^\d{4}-\d{2}-\d{2}/);
    for (const row of rows) {
      const png = decodePng(files[row.file ?? ""] ?? new Uint8Array());
      expect(png.width).toBe(300);
      expect(decodeQr(png)).toBe(row.url);
    }
  });

  it("downloads a whole group as SVG with captions", async () => {
    const { owner, account } = await ownerWithAccount();
    const inGroup = await createCode(
      account.id,
      { name: "In", kind: "temporary", newGroupName: "G" },
      owner,
    );
    await createCode(account.id, { name: "Out", kind: "temporary" }, owner);
    const { files } = await zipOf(
      account.id,
      { groupId: inGroup.groupId, format: "svg", caption: true },
      owner,
    );
    expect(Object.keys(files).sort()).toEqual(["In.svg", "manifest.csv"]);
    const svg = new TextDecoder().decode(files["In.svg"]);
    expect(svg).toContain(">In</text>");
    expect(decodeQr(rasteriseSvg(svg))).toBe(inGroup.url);
  });

  it("downloads what a list filter matches", async () => {
    const { owner, account } = await ownerWithAccount();
    await createCode(account.id, { name: "Temp", kind: "temporary" }, owner);
    await createCode(account.id, { name: "Perm", kind: "permanent" }, owner);
    const { files } = await zipOf(account.id, { filter: { kind: "permanent" } }, owner);
    expect(Object.keys(files).sort()).toEqual(["Perm.png", "manifest.csv"]);
  });

  it.each([
    ["no selection", { format: "png" }],
    ["two selections", { ids: ["qr_a"], groupId: "grp_a" }],
    ["an unknown format", { ids: ["qr_a"], format: "bmp" }],
    ["a size above 4000 px", { ids: ["qr_a"], size: 4001 }],
    ["an empty id list", { ids: [] }],
  ])("answers 400 for %s", async (_label, body) => {
    const { owner, account } = await ownerWithAccount();
    expect((await download(account.id, body, owner)).status).toBe(400);
  });

  it("answers 400 when the selection matches nothing, such as another account's codes", async () => {
    const { owner, account } = await ownerWithAccount();
    const other = await ownerWithAccount();
    const theirs = await createCode(other.account.id, { name: "T", kind: "temporary" }, owner);
    const res = await download(account.id, { ids: [theirs.id] }, owner);
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.message).toMatch(/No codes/);
  });
});
