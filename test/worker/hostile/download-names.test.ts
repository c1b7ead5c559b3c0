import { env } from "cloudflare:workers";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { createUserWithToken } from "../factories/users";
import { createTestAccount } from "../factories/wechat-accounts";
import { call, jsonInit } from "../helpers";
import { waitForJob } from "../qrcodes/import-helpers";
import { expectSafeFileName } from "./safe-file-name";

/**
 * Download names are made from code names, which operators set and older
 * rows may hold in any form. Whatever the name, the file a browser saves
 * (image download, ZIP entries, a code's fan export) has a name that stays
 * in the download folder and opens on Windows, macOS and Linux. The name
 * cleaner alone: test/worker/images/file-names.test.ts.
 */
const NAMES = [
  "../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "/absolute/path",
  "CON",
  "nul.tar.gz",
  "evil\u202egnp.exe",
  "  ..hidden  ",
  'a:b*c?d"e<f>g|h',
  "%2e%2e%2fencoded",
  "nul\u0000inside",
  "line\r\nbreak",
  "码".repeat(64),
];

let headers: Record<string, string>;
let accountId: string;
const codeIds = new Map<string, string>();

beforeAll(async () => {
  headers = (await createUserWithToken("owner")).headers;
  accountId = (await createTestAccount({ messageMode: "plaintext" })).account.id;
  for (const [i, name] of NAMES.entries()) {
    const res = await call(
      `/api/accounts/${accountId}/qrcodes`,
      jsonInit("POST", { kind: "permanent", name: `code ${i}` }, headers),
    );
    if (res.status !== 201) throw new Error(`code ${name}: ${res.status} ${await res.text()}`);
    const id = ((await res.json()) as { qrcode: { id: string } }).qrcode.id;
    // Set in D1 itself: the API now refuses control characters and direction overrides in
    // names (test/worker/hostile/names.test.ts), but older rows may hold anything.
    await env.DB.prepare("UPDATE qrcodes SET name = ? WHERE id = ?").bind(name, id).run();
    codeIds.set(name, id);
  }
});

/** Both names of a Content-Disposition header: the ASCII fallback and the UTF-8 one. */
function dispositionNames(header: string | null): string[] {
  const ascii = /filename="([^"]*)"/.exec(header ?? "")?.[1];
  const utf8 = /filename\*=UTF-8''([^;]*)/.exec(header ?? "")?.[1];
  expect(ascii).toBeDefined();
  expect(utf8).toBeDefined();
  return [ascii ?? "", decodeURIComponent(utf8 ?? "")];
}

async function jobFile(path: string, body: unknown) {
  const res = await call(path, jsonInit("POST", body, headers));
  if (res.status !== 202) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  const job = await waitForJob(((await res.json()) as { job: { id: string } }).job.id, headers);
  expect(job.status).toBe("succeeded");
  return call(job.downloadUrl ?? "");
}

describe("file names made from a code's name", () => {
  it.each(NAMES)("the image download of a code called %j", async (name) => {
    const path = `/api/accounts/${accountId}/qrcodes/${codeIds.get(name)}/image?download=1`;
    const res = await call(path, { headers });
    expect(res.status).toBe(200);
    for (const fileName of dispositionNames(res.headers.get("Content-Disposition"))) {
      expectSafeFileName(fileName);
    }
  });

  it.each(NAMES)("the fan export of a code called %j", async (name) => {
    const res = await jobFile(
      `/api/accounts/${accountId}/qrcodes/${codeIds.get(name)}/fans/export`,
      {
        format: "csv",
      },
    );
    expect(res.status).toBe(200);
    for (const fileName of dispositionNames(res.headers.get("Content-Disposition"))) {
      expectSafeFileName(fileName);
      expect(fileName).toMatch(/\.csv$/);
    }
  });

  it("every entry of a ZIP of all of them", async () => {
    const res = await jobFile(`/api/accounts/${accountId}/qrcodes/downloads`, {
      ids: [...codeIds.values()],
    });
    const entries = Object.keys(unzipSync(new Uint8Array(await res.arrayBuffer())));
    expect(entries).toHaveLength(NAMES.length + 1);
    for (const entry of entries) expectSafeFileName(entry);
  });
});
