import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createCodeVia } from "../access/world";
import { createUserWithToken } from "../factories/users";
import { createTestAccount } from "../factories/wechat-accounts";
import { call } from "../helpers";
import { expectErrorShape } from "./expect-error";

/**
 * Hostile JSON on the API: bytes that are not UTF-8, bodies that are not an
 * object, broken or oversized or deeply nested JSON, the wrong Content-Type
 * and fields of the wrong type. Each is refused in the error shape with a
 * message naming the problem (the field, when there is one), and what was
 * stored is unchanged. (Login's field errors: test/worker/auth.test.ts.)
 */
let headers: Record<string, string>;
let accountId: string;
let codeId: string;
const contactId = `ct_hostile${Date.now().toString(36)}`;

beforeAll(async () => {
  headers = (await createUserWithToken("owner")).headers;
  const { account } = await createTestAccount({ messageMode: "plaintext" });
  accountId = account.id;
  codeId = await createCodeVia(headers, accountId);
  await env.DB.prepare(
    "insert into contacts (id, name, fields, created_at, updated_at) values (?, 'Hostile', '{\"city\":\"上海\"}', 1, 1)",
  )
    .bind(contactId)
    .run();
});

async function stored(): Promise<string> {
  const rows = await Promise.all([
    env.DB.prepare("select * from qr_groups where account_id = ? order by id")
      .bind(accountId)
      .all(),
    env.DB.prepare("select * from qrcodes where id = ?").bind(codeId).all(),
    env.DB.prepare("select * from contacts where id = ?").bind(contactId).all(),
  ]);
  return JSON.stringify(rows.map((r) => r.results));
}

type Target = "group" | "code" | "contact";
const TARGETS: Record<Target, () => [string, string]> = {
  group: () => ["POST", `/api/accounts/${accountId}/groups`],
  code: () => ["PATCH", `/api/accounts/${accountId}/qrcodes/${codeId}`],
  contact: () => ["PATCH", `/api/contacts/${contactId}`],
};

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)),
  );
const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const JSON_TYPE = "application/json";

const CASES: [string, Target, string | null, BodyInit, number, RegExp][] = [
  [
    "a name that is not UTF-8",
    "group",
    JSON_TYPE,
    bytes('{"name":"', [0xff, 0xfe], '"}'),
    400,
    /not valid UTF-8/,
  ],
  [
    "a lone UTF-8 continuation byte",
    "code",
    JSON_TYPE,
    bytes('{"name":"a', [0x80], '"}'),
    400,
    /not valid UTF-8/,
  ],
  [
    "a truncated UTF-8 sequence",
    "contact",
    JSON_TYPE,
    bytes('{"name":"', [0xe4, 0xb8], '"}'),
    400,
    /not valid UTF-8/,
  ],
  ["an array", "group", JSON_TYPE, "[]", 400, /expected object, received array/],
  ["a string", "code", JSON_TYPE, '"name"', 400, /expected object, received string/],
  ["a number", "group", JSON_TYPE, "42", 400, /expected object, received number/],
  ["null", "contact", JSON_TYPE, "null", 400, /expected object, received null/],
  ["broken JSON", "group", JSON_TYPE, '{"name":', 400, /Malformed JSON/],
  ["an empty body", "code", JSON_TYPE, "", 400, /Malformed JSON/],
  [
    "a body over 1 MB",
    "group",
    JSON_TYPE,
    JSON.stringify({ name: "x", pad: "a".repeat(1_100_000) }),
    413,
    /at most 1024 KB/,
  ],
  [
    "JSON nested half a million deep",
    "code",
    JSON_TYPE,
    `{"name":"x","a":${deep(500_000)}}`,
    400,
    /Unrecognized key: "a"/,
  ],
  [
    "a contact field nested deep",
    "contact",
    JSON_TYPE,
    `{"fields":{"x":${deep(3000)}}}`,
    400,
    /^fields\.x: /,
  ],
  [
    "a contact field holding an object",
    "contact",
    JSON_TYPE,
    '{"fields":{"x":{"y":1}}}',
    400,
    /^fields\.x: /,
  ],
  [
    "a name that is a number",
    "group",
    JSON_TYPE,
    '{"name":123}',
    400,
    /^name: .*expected string, received number/,
  ],
  ["a name that is an array", "code", JSON_TYPE, '{"name":["a"]}', 400, /^name: .*expected string/],
  [
    "fan tag ids as a string",
    "code",
    JSON_TYPE,
    '{"fanTagIds":"1"}',
    400,
    /^fanTagIds: .*expected array/,
  ],
  [
    "autoRenew as a string",
    "code",
    JSON_TYPE,
    '{"autoRenew":"yes"}',
    400,
    /^autoRenew: .*expected boolean/,
  ],
  ["an unknown field on a strict body", "code", JSON_TYPE, '{"owner":"me"}', 400, /owner/],
  [
    "a mobile that is no mobile",
    "contact",
    JSON_TYPE,
    '{"mobile":"12345"}',
    400,
    /^mobile: .*mobile number/,
  ],
  [
    "text/plain",
    "group",
    "text/plain",
    '{"name":"plain"}',
    415,
    /Content-Type text\/plain.*application\/json/,
  ],
  ["no Content-Type", "code", null, bytes('{"name":"none"}'), 415, /Content-Type none/],
  [
    "a form post",
    "contact",
    "application/x-www-form-urlencoded",
    "name=x",
    415,
    /x-www-form-urlencoded/,
  ],
  ["JSON declared as XML", "group", "application/xml", '{"name":"xml"}', 415, /application\/xml/],
];

describe("JSON routes refuse hostile bodies", () => {
  it.each(CASES)(
    "%s (%s) with a clear error, changing nothing",
    async (_, target, type, body, status, message) => {
      const before = await stored();
      const [method, path] = TARGETS[target]();
      const sent = { ...headers, ...(type ? { "Content-Type": type } : {}) };
      await expectErrorShape(await call(path, { method, headers: sent, body }), status, message);
      expect(await stored()).toBe(before);
    },
  );

  it("names every wrong field in details as well as in the message", async () => {
    const res = await call(`/api/accounts/${accountId}/qrcodes`, {
      method: "POST",
      headers: { ...headers, "Content-Type": JSON_TYPE },
      body: JSON.stringify({ kind: "forever", name: 7, validityDays: "3" }),
    });
    const error = (await expectErrorShape(res, 400, /kind: /)) as unknown as {
      details: { path: string }[];
    };
    expect(error.details.map((d) => d.path).sort()).toEqual(["kind", "name", "validityDays"]);
  });

  it("keeps the contact list readable after a nested field was refused", async () => {
    const res = await call("/api/contacts?q=Hostile", { headers });
    expect(res.status).toBe(200);
  });
});

describe("unknown ids and routes answer 404 in the error shape", () => {
  it.each([
    ["an account", () => "/api/accounts/acc_0000000000000000"],
    ["a code", () => `/api/accounts/${accountId}/qrcodes/qr_0000000000000000`],
    ["a form", () => `/api/accounts/${accountId}/forms/form_0000000000000000`],
    ["an import", () => `/api/accounts/${accountId}/qrcodes/imports/imp_0000000000000000`],
    [
      "an import id of another shape",
      () => `/api/accounts/${accountId}/qrcodes/imports/..%2F..%2Fx`,
    ],
    ["media", () => `/api/accounts/${accountId}/media/med_0000000000000000/content`],
    ["a job", () => "/api/jobs/job_0000000000000000"],
    ["a contact", () => "/api/contacts/ct_0000000000000000"],
    ["a route", () => "/api/no-such-thing"],
    ["a download link", () => "/files/not-a-token"],
  ])("%s", async (_, path) => {
    await expectErrorShape(await call(path(), { headers }), 404, /not found|No route/);
  });

  it("an id longer than any id with 400 naming the parameter", async () => {
    const res = await call(`/api/accounts/${accountId}/qrcodes/${"q".repeat(500)}`, { headers });
    await expectErrorShape(res, 400, /^id: /);
  });
});
