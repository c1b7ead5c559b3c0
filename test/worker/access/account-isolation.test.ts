import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createUserWithToken, type TestUser } from "../factories/users";
import { call, jsonInit } from "../helpers";
import { ROUTE_POLICY } from "./policy";
import { type AccountWorld, fresh, type Headers, seedAccountWorld } from "./world";

/**
 * A user granted account A but not B meets B's things as if they did not
 * exist: every route given an id of B (in the path, in the body, or through
 * a route that carries no account) answers exactly what it answers for an
 * id nobody ever made, never 403 and never B's data, and B is unchanged.
 */
let owner: Headers;
let A: AccountWorld;
let B: AccountWorld;
let operator: TestUser;
let admin: TestUser;
let tagOnB: string;
let otherUser: TestUser;
let otherTokenId: string;
let otherSessionId: string;

beforeAll(async () => {
  owner = (await createUserWithToken("owner")).headers;
  A = await seedAccountWorld(owner);
  B = await seedAccountWorld(owner);
  operator = await createUserWithToken("operator", { accountIds: [A.account.id] });
  admin = await createUserWithToken("admin", { accountIds: [A.account.id] });
  tagOnB = await fresh.memberTag();
  const tagged = await call(
    `/api/contacts/${B.contactId}/member-tags`,
    jsonInit("POST", { memberTagIds: [tagOnB] }, owner),
  );
  if (tagged.status !== 200) throw new Error(`fixture: tag ${tagged.status}`);
  otherUser = await createUserWithToken("operator", { accountIds: [A.account.id, B.account.id] });
  const other = { label: "other", role: "operator" as const, scope: "write" as const };
  otherTokenId = await fresh.token({ ...other, user: otherUser, headers: otherUser.headers });
  otherSessionId = await fresh.session({ ...other, user: otherUser, headers: otherUser.headers });
});

/** An id shaped like `id` that was never made. */
function neverMade(id: string): string {
  const cut = id.lastIndexOf("_");
  const tail = crypto.randomUUID().replaceAll("-", "").slice(0, 16);
  return cut > 0 ? `${id.slice(0, cut)}_${tail}` : tail.padEnd(id.length, "0");
}

function idsOf(w: AccountWorld, path: string): Record<string, string> {
  return {
    accountId: w.account.id,
    id: path.includes("/media/{id}") ? w.mediaId : w.codeId,
    qrcodeId: w.codeId,
    formId: w.formId,
    groupId: w.groupId,
    importId: w.importId,
    jobId: w.jobId,
    contactId: w.contactId,
    conflictId: w.conflictId,
    fanId: w.fanId,
    memberTagId: tagOnB,
    tokenId: otherTokenId,
    sessionId: otherSessionId,
  };
}

/** Bodies that pass validation, so the handler is the one that looks the id up. */
const BODIES: Record<string, unknown> = {
  "PATCH /api/accounts/{accountId}/forms/{formId}": { name: "taken over" },
  "POST /api/accounts/{accountId}/qrcodes/imports/{importId}/confirm": { kind: "temporary" },
  "PATCH /api/accounts/{accountId}/groups/{groupId}": { name: "taken over" },
  "PATCH /api/accounts/{accountId}/qrcodes/{id}": { name: "taken over" },
  "POST /api/accounts/{accountId}/qrcodes/{id}/fans/export": {},
  "POST /api/contacts/conflicts/{conflictId}/resolve": { resolution: "keep_existing" },
  "PATCH /api/contacts/{contactId}": { name: "taken over" },
  "POST /api/contacts/{contactId}/member-tags": { memberTagIds: ["placeholder"] },
};

type Probe = { name: string; method: string; path: string; body?: unknown };

function probe(route: string, values: Record<string, string>): Probe {
  const [method = "", template = ""] = route.split(" ");
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
  const body = method === "GET" || method === "DELETE" ? undefined : (BODIES[route] ?? {});
  return { name: route, method, path, body };
}

const ROUTES = Object.keys(ROUTE_POLICY);
const IN_ACCOUNT = ROUTES.filter((r) => r.includes("{accountId}"));
const BELOW_ACCOUNT = IN_ACCOUNT.filter((r) => (r.match(/\{/g) ?? []).length > 1);
/** Routes whose ids belong to an account (or another user) without naming it in the path. */
const NO_ACCOUNT_IN_PATH = [
  "GET /api/jobs/{jobId}",
  "GET /api/contacts/{contactId}",
  "PATCH /api/contacts/{contactId}",
  "POST /api/contacts/{contactId}/member-tags",
  "DELETE /api/contacts/{contactId}/member-tags/{memberTagId}",
  "POST /api/contacts/conflicts/{conflictId}/resolve",
  "POST /api/contacts/{contactId}/erase",
  "DELETE /api/tokens/{tokenId}",
  "DELETE /api/auth/sessions/{sessionId}",
];

async function send(p: Probe, headers: Headers) {
  const init: RequestInit =
    p.body === undefined ? { method: p.method, headers } : jsonInit(p.method, p.body, headers);
  const res = await call(p.path, init);
  return { status: res.status, text: await res.text() };
}

/** Everything stored about account B, to compare before and after. */
async function snapshotOfB(): Promise<string> {
  const byAccount = ["qrcodes", "forms", "form_submissions", "qr_groups", "media", "jobs", "fans"];
  const parts: unknown[] = [];
  for (const table of byAccount) {
    const rows = await env.DB.prepare(`select * from ${table} where account_id = ? order by id`)
      .bind(B.account.id)
      .all();
    parts.push(rows.results);
  }
  for (const [sql, id] of [
    ["select * from accounts where id = ?", B.account.id],
    ["select * from contacts where id = ?", B.contactId],
    ["select * from contact_member_tags where contact_id = ?", B.contactId],
    ["select * from contact_conflicts where id = ?", B.conflictId],
    ["select id, revoked_at from api_tokens where id = ?", otherTokenId],
    ["select id, revoked_at from sessions where id = ?", otherSessionId],
  ] as const) {
    parts.push((await env.DB.prepare(sql).bind(id).all()).results);
  }
  return JSON.stringify(parts);
}

/** B's id answers 404 in the error shape, like an id never made, and changes nothing of B. */
async function expectHidden(real: Probe, missing: Probe, headers: Headers) {
  const before = await snapshotOfB();
  const hidden = await send(real, headers);
  const absent = await send(missing, headers);
  expect(hidden.status, hidden.text).toBe(404);
  const error = (JSON.parse(hidden.text) as { error: Record<string, unknown> }).error;
  expect(error).toMatchObject({ code: "not_found", requestId: expect.any(String) });
  expect(absent.status).toBe(404);
  expect(error.message).toBe(
    (JSON.parse(absent.text) as { error: { message: string } }).error.message,
  );
  for (const secret of [B.account.name, B.account.appId]) expect(hidden.text).not.toContain(secret);
  expect(await snapshotOfB()).toBe(before);
}

/** An operator, or an admin where the route needs one (an operator is refused with 403 first). */
function userFor(route: string): TestUser {
  return ROUTE_POLICY[route] === "admin" ? admin : operator;
}

function missingValues(values: Record<string, string>, keep: string[] = []) {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, keep.includes(k) ? v : neverMade(v)]),
  );
}

describe("a user granted account A, given account B in the path", () => {
  it.each(IN_ACCOUNT)("%s answers 404 as for an account never made", async (route) => {
    const values = idsOf(B, route);
    for (const user of [operator, admin]) {
      await expectHidden(probe(route, values), probe(route, missingValues(values)), user.headers);
    }
  });
});

describe("a user granted account A, given A in the path and an id of B", () => {
  it.each(BELOW_ACCOUNT)("%s answers 404 as for an id never made", async (route) => {
    const values = { ...idsOf(B, route), accountId: A.account.id };
    const missing = missingValues(values, ["accountId"]);
    await expectHidden(probe(route, values), probe(route, missing), userFor(route).headers);
  });
});

describe("a user granted account A, given an id of B where no account is in the path", () => {
  it.each(NO_ACCOUNT_IN_PATH)("%s answers 404 as for an id never made", async (route) => {
    const values = { ...idsOf(B, route) };
    const real = probe(route, values);
    if (route === "POST /api/contacts/{contactId}/member-tags") {
      real.body = { memberTagIds: [tagOnB] };
    }
    const missing = { ...probe(route, missingValues(values)), body: real.body };
    await expectHidden(real, missing, userFor(route).headers);
  });
});

/** Ids of B inside a body sent to account A: answered as ids never made, with nothing of B touched. */
const BODY_CASES: [string, string, string, (w: AccountWorld) => Record<string, unknown>][] = [
  ["moving B's code", "POST", "/qrcodes/move", (w) => ({ ids: [w.codeId], groupId: null })],
  [
    "moving A's code into B's group",
    "POST",
    "/qrcodes/move",
    (w) => ({ ids: [A.codeId], groupId: w.groupId }),
  ],
  ["deleting B's code in bulk", "POST", "/qrcodes/bulk-delete", (w) => ({ ids: [w.codeId] })],
  ["downloading B's code", "POST", "/qrcodes/downloads", (w) => ({ ids: [w.codeId] })],
  ["downloading B's group", "POST", "/qrcodes/downloads", (w) => ({ groupId: w.groupId })],
  ["exporting B's scans", "POST", "/scans/export", (w) => ({ qrcodeIds: [w.codeId] })],
  [
    "creating a code in B's group",
    "POST",
    "/qrcodes",
    (w) => ({ kind: "permanent", name: `in ${w.groupId}`, groupId: w.groupId }),
  ],
  [
    "creating a code with B's form",
    "POST",
    "/qrcodes",
    (w) => ({ kind: "permanent", name: `with ${w.formId}`, formId: w.formId }),
  ],
  [
    "creating a code replying with B's image",
    "POST",
    "/qrcodes",
    (w) => ({
      kind: "permanent",
      name: `img ${w.mediaId}`,
      reply: [{ type: "image", mediaId: w.mediaId }],
    }),
  ],
  [
    "moving A's code to B's group by PATCH",
    "PATCH",
    `/qrcodes/{A}`,
    (w) => ({ groupId: w.groupId }),
  ],
  ["giving A's code B's form by PATCH", "PATCH", `/qrcodes/{A}`, (w) => ({ formId: w.formId })],
];

describe("a user granted account A, sending ids of B in a body to A", () => {
  it.each(BODY_CASES)("%s answers as for ids never made", async (_label, method, rest, body) => {
    const path = `/api/accounts/${A.account.id}${rest.replace("{A}", A.codeId)}`;
    const fake = { ...B, codeId: neverMade(B.codeId), groupId: neverMade(B.groupId) };
    Object.assign(fake, { formId: neverMade(B.formId), mediaId: neverMade(B.mediaId) });
    const before = await snapshotOfB();
    const hidden = await send({ name: "", method, path, body: body(B) }, operator.headers);
    const absent = await send({ name: "", method, path, body: body(fake) }, operator.headers);
    expect(hidden.status, hidden.text).toBe(absent.status);
    expect(hidden.status).not.toBe(403);
    const errorOf = (text: string) => (JSON.parse(text) as { error?: unknown }).error;
    const normalise = (text: string) =>
      JSON.stringify(errorOf(text) ?? JSON.parse(text))
        .replace(/"requestId":"[^"]*"/, "")
        .replace(/(qr|grp|form|med)_[0-9a-z]{16}/g, "<id>");
    expect(normalise(hidden.text)).toBe(normalise(absent.text));
    expect(await snapshotOfB()).toBe(before);
  });
});
