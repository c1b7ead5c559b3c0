import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { NAME_CHARACTERS_MESSAGE } from "../../../src/http/name-text";
import { createUserWithToken } from "../factories/users";
import { createTestAccount } from "../factories/wechat-accounts";
import { call, jsonInit } from "../helpers";

/** Names that read differently than they are, or break lines in lists, files and exports. */
const HOSTILE = [
  ["a line break", "门店\n上海"],
  ["a NUL", "nul\u0000inside"],
  ["a right-to-left override", "evil\u202egnp.exe"],
  ["a direction isolate", "a\u2067b"],
  ["an escape", "red\u001b[31m"],
] as const;

let headers: Record<string, string>;
let accountId: string;

beforeAll(async () => {
  headers = (await createUserWithToken("owner")).headers;
  accountId = (await createTestAccount({ messageMode: "plaintext" })).account.id;
});

async function count(table: string) {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>();
  return row?.n ?? 0;
}

type Route = { what: string; table: string; path: () => string; body: (name: string) => object };

/** Paths are read when a test runs: the account exists only after beforeAll. */
const ROUTES: Route[] = [
  {
    what: "a QR code",
    table: "qrcodes",
    path: () => `/api/accounts/${accountId}/qrcodes`,
    body: (name) => ({ kind: "permanent", name }),
  },
  {
    what: "a group",
    table: "qr_groups",
    path: () => `/api/accounts/${accountId}/groups`,
    body: (name) => ({ name }),
  },
  {
    what: "an account",
    table: "accounts",
    path: () => "/api/accounts",
    body: (name) => ({ name, isSandbox: true }),
  },
  {
    what: "a member tag",
    table: "member_tags",
    path: () => "/api/member-tags",
    body: (name) => ({ name }),
  },
];

const CASES = HOSTILE.flatMap(([label, name]) =>
  ROUTES.map((route) => ({ label, name, route, what: route.what })),
);

describe("names with control characters or direction overrides", () => {
  it.each(CASES)(
    "refuses $label in the name of $what, naming the field, and stores nothing",
    async ({ name, route }) => {
      const before = await count(route.table);
      const res = await call(route.path(), jsonInit("POST", route.body(name), headers));
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe("bad_request");
      expect(error.message).toBe(`name: ${NAME_CHARACTERS_MESSAGE}`);
      expect(await count(route.table)).toBe(before);
    },
  );

  it("still takes Chinese, spaces, punctuation and emoji", async () => {
    const name = "门店 · 上海_静安（2号）🎉";
    const res = await call(
      `/api/accounts/${accountId}/qrcodes`,
      jsonInit("POST", { kind: "permanent", name }, headers),
    );
    expect(res.status).toBe(201);
    expect(((await res.json()) as { qrcode: { name: string } }).qrcode.name).toBe(name);
  });
});
