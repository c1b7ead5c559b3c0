import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createUserWithToken } from "../factories/users";
import { createTestAccount } from "../factories/wechat-accounts";
import { call } from "../helpers";
import { SAMPLE_FILES } from "../replies/helpers";
import { expectErrorShape } from "./expect-error";
import { expectSafeFileName } from "./safe-file-name";

/**
 * Hostile uploads to the two upload routes: the names file of a batch and
 * reply media. Existing tests cover an empty, blank-only and .xls names file
 * and a missing file field (test/worker/qrcodes/imports.test.ts), an image
 * over 2 MB, content that is no media (test/worker/replies/media.test.ts),
 * and the reader's own refusals (test/worker/files/read-names-file.test.ts).
 * This adds the rest; every refusal leaves no import, media row or R2 object.
 */
let headers: Record<string, string>;
let accountId: string;

beforeAll(async () => {
  headers = (await createUserWithToken("owner")).headers;
  accountId = (await createTestAccount({ messageMode: "plaintext" })).account.id;
});

async function stored(): Promise<string> {
  const media = await env.DB.prepare("select id from media where account_id = ? order by id")
    .bind(accountId)
    .all();
  const codes = await env.DB.prepare("select count(*) as n from qrcodes where account_id = ?")
    .bind(accountId)
    .first();
  const keys = async (prefix: string) =>
    (await env.ARTIFACTS.list({ prefix })).objects.map((o) => o.key);
  const objects = [
    ...(await keys(`imports/${accountId}/`)),
    ...(await keys(`media/${accountId}/`)),
  ];
  return JSON.stringify([media.results, codes, objects]);
}

const upload = (route: "imports" | "media") =>
  route === "imports"
    ? `/api/accounts/${accountId}/qrcodes/imports`
    : `/api/accounts/${accountId}/media`;

function formWith(file: Blob | string, name = "upload.csv") {
  const form = new FormData();
  if (typeof file === "string") form.append("file", file);
  else form.append("file", new File([file], name));
  return form;
}

const bytes = (...values: number[]) => new Uint8Array(values);
const CSV_NOT_TEXT = bytes(0xe5, 0x90, 0x8d, 0x0a, 0x80, 0xff, 0x0a);

const REFUSED: [string, "imports" | "media", () => RequestInit, number, RegExp][] = [
  [
    "a CSV that is neither UTF-8 nor GBK",
    "imports",
    () => ({ body: formWith(new Blob([CSV_NOT_TEXT])) }),
    400,
    /neither .* UTF-8 or GBK/,
  ],
  [
    "a CSV with a UTF-8 BOM and invalid bytes after it",
    "imports",
    () => ({ body: formWith(new Blob([bytes(0xef, 0xbb, 0xbf, 0x61, 0xff, 0x0a)])) }),
    400,
    /UTF-8/,
  ],
  [
    "a names file over 5 MB",
    "imports",
    () => ({ body: formWith(new Blob(["a\n".repeat(3 * 1024 * 1024)])) }),
    413,
    /larger than 5 MB/,
  ],
  [
    "a text field instead of a file",
    "imports",
    () => ({ body: formWith("a\nb\n") }),
    400,
    /^file: /,
  ],
  [
    "a file name holding NUL",
    "imports",
    () => ({ body: formWith(new Blob(["a\n"]), "a\u0000b.csv") }),
    400,
    /FormData/,
  ],
  [
    "JSON instead of a form",
    "imports",
    () => ({ body: '{"file":"a"}', headers: { "Content-Type": "application/json" } }),
    415,
    /application\/json.*multipart\/form-data/,
  ],
  [
    "a zero-byte file",
    "media",
    () => ({ body: formWith(new Blob([]), "empty.png") }),
    400,
    /Upload a PNG or JPEG/,
  ],
  [
    "a video over 10 MB",
    "media",
    () => {
      const big = new Uint8Array(10 * 1024 * 1024 + 100);
      big.set(SAMPLE_FILES.mp4);
      return { body: formWith(new Blob([big]), "big.mp4") };
    },
    413,
    /too large|at most/,
  ],
  [
    "plain text instead of a form",
    "media",
    () => ({ body: "hello", headers: { "Content-Type": "text/plain" } }),
    415,
    /text\/plain/,
  ],
  [
    "a file name holding NUL",
    "media",
    () => ({ body: formWith(new Blob([SAMPLE_FILES.png]), "a\u0000.png") }),
    400,
    /FormData/,
  ],
];

describe("upload routes refuse hostile files", () => {
  it.each(REFUSED)(
    "%s (%s) with a clear error, storing nothing",
    async (_, route, init, status, message) => {
      const before = await stored();
      const { body, headers: extra = {} } = init() as {
        body: BodyInit;
        headers?: Record<string, string>;
      };
      const res = await call(upload(route), {
        method: "POST",
        body,
        headers: { ...headers, ...extra },
      });
      await expectErrorShape(res, status, message);
      expect(await stored()).toBe(before);
    },
  );
});

const TRICKY_NAMES = [
  "../../etc/passwd",
  "/etc/shadow",
  "C:\\Windows\\System32\\drivers",
  "..\\..\\boot",
  "CON",
  "lpt1",
  "name\u202egnp.exe",
  "tab\tand\nnewline",
  "码".repeat(120),
  "....",
];

describe("uploaded file names are stored made safe", () => {
  it.each(TRICKY_NAMES)("a names file called %j", async (name) => {
    const res = await call(upload("imports"), {
      method: "POST",
      body: formWith(new Blob(["上海门店\n"]), `${name}.csv`),
      headers,
    });
    expect(res.status).toBe(201);
    const { import: preview } = (await res.json()) as { import: { id: string; fileName: string } };
    expectSafeFileName(preview.fileName);
    const keys = (await env.ARTIFACTS.list({ prefix: "imports/" })).objects.map((o) => o.key);
    expect(keys).toContain(`imports/${accountId}/${preview.id}.json`);
  });

  it.each(TRICKY_NAMES)("reply media called %j", async (name) => {
    const res = await call(upload("media"), {
      method: "POST",
      body: formWith(new Blob([SAMPLE_FILES.png]), `${name}.png`),
      headers,
    });
    expect(res.status).toBe(201);
    const { media } = (await res.json()) as { media: { id: string; fileName: string } };
    expectSafeFileName(media.fileName);
    expect(media.fileName).toMatch(/\.png$/);
    const row = await env.DB.prepare("select r2_key from media where id = ?")
      .bind(media.id)
      .first<{ r2_key: string }>();
    expect(row?.r2_key).toBe(`media/${accountId}/${media.id}.png`);
  });
});
