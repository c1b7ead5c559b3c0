import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/app";
import { createUserWithToken } from "../factories/users";
import { call } from "../helpers";
import { expectedOutcome, ROUTE_POLICY, UNDOCUMENTED_API_ROUTES } from "./policy";
import {
  type AccountWorld,
  type Caller,
  createCallers,
  createCodeVia,
  createFormVia,
  createGroup,
  fresh,
  type Headers,
  seedAccountWorld,
} from "./world";

/**
 * Role by route: every operation of the OpenAPI document, called by an
 * owner, admin, operator and viewer (each granted the account), an owner's
 * read-scoped token and nobody, answers what ROUTE_POLICY says. "Allowed"
 * means past authentication and authorisation: a 400 for the empty body
 * counts, a 401, 403 or 5xx does not.
 */
const CALLERS = ["owner", "admin", "operator", "viewer", "read token", "no credentials"];
const ROUTES = Object.keys(ROUTE_POLICY);

let owner: Headers;
let world: AccountWorld;
let callers: Map<string, Caller>;
let targetUserId: string;
let memberTagId: string;

beforeAll(async () => {
  const maker = await createUserWithToken("owner");
  owner = maker.headers;
  world = await seedAccountWorld(owner);
  callers = new Map((await createCallers([world.account.id])).map((c) => [c.label, c]));
  targetUserId = (await createUserWithToken("viewer")).id;
  memberTagId = await fresh.memberTag();
});

function sharedParam(name: string, path: string): string {
  const ids: Record<string, string> = {
    accountId: world.account.id,
    id: path.includes("/media/{id}") ? world.mediaId : world.codeId,
    qrcodeId: world.codeId,
    formId: world.formId,
    groupId: world.groupId,
    importId: world.importId,
    jobId: world.jobId,
    contactId: world.contactId,
    conflictId: world.conflictId,
    fanId: world.fanId,
    // No dead letter is made: callers let through are answered 404.
    deadLetterId: "dlq_matrix0000000000",
    memberTagId,
    userId: targetUserId,
  };
  const value = ids[name];
  if (!value) throw new Error(`no fixture for {${name}} in ${path}`);
  return value;
}

/** What a DELETE consumes is made again for each caller, so each has one to delete. */
const FRESH: Record<string, (caller: Caller) => Promise<string>> = {
  accountId: (caller) => fresh.account(caller),
  formId: () => createFormVia(owner, world.account.id),
  groupId: () => createGroup(owner, world.account.id),
  id: () => createCodeVia(owner, world.account.id),
  memberTagId: () => fresh.memberTag(),
  tokenId: (caller) => fresh.token(caller),
  sessionId: (caller) => fresh.session(caller),
};

async function fillPath(method: string, path: string, caller: Caller): Promise<string> {
  let filled = path;
  for (const [, name = ""] of path.matchAll(/\{(\w+)\}/g)) {
    const consumed = method === "DELETE" && path.endsWith(`{${name}}`) && FRESH[name];
    const value = consumed ? await consumed(caller) : sharedParam(name, path);
    filled = filled.replace(`{${name}}`, value);
  }
  return filled;
}

function bodyFor(route: string): string | undefined {
  if (route.startsWith("GET ") || route.startsWith("DELETE ")) return undefined;
  if (route === "POST /api/tokens") return JSON.stringify({ name: "matrix", scope: "read" });
  return "{}";
}

async function request(route: string, caller: Caller) {
  const [method = "", path = ""] = route.split(" ");
  const body = bodyFor(route);
  const headers: Headers = { ...caller.headers };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  return call(await fillPath(method, path, caller), { method, headers, body });
}

describe("the route policy", () => {
  it("names every operation of the OpenAPI document, and nothing else", async () => {
    const doc = (await (await call("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.filter((r) => !(r in ROUTE_POLICY))).toEqual([]);
    expect(ROUTES.filter((r) => !documented.includes(r))).toEqual([]);
  });

  it("leaves no /api handler out of the OpenAPI document", () => {
    const registered = createApp()
      .routes.filter((r) => r.method !== "ALL" && r.path.startsWith("/api/"))
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    const known = new Set([...ROUTES, ...UNDOCUMENTED_API_ROUTES]);
    expect([...new Set(registered)].filter((r) => !known.has(r))).toEqual([]);
  });
});

describe.each(ROUTES)("%s", (route) => {
  it.each(CALLERS)("as %s answers what the policy says", async (label) => {
    const caller = callers.get(label);
    if (!caller) throw new Error(`no caller ${label}`);
    const expected = expectedOutcome(route, caller);
    const res = await request(route, caller);
    const json = res.headers.get("Content-Type")?.includes("json");
    const text = json ? await res.text() : String((await res.arrayBuffer()).byteLength);

    if (expected === "allowed") {
      expect([401, 403], text).not.toContain(res.status);
      expect(res.status, text).toBeLessThan(500);
      expect(text).not.toContain("No route for");
      return;
    }
    expect(res.status, text).toBe(expected);
    const { error } = JSON.parse(text) as { error: Record<string, unknown> };
    expect(error).toMatchObject({
      code: expected === 401 ? "unauthorized" : "forbidden",
      message: expect.stringMatching(/\w{4,}/),
      requestId: expect.stringMatching(/.{8,}/),
    });
  });
});
