import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { submitAs } from "../contacts/submit";
import { createUserWithToken, type TestUser } from "../factories/users";
import { insertFan } from "../forms/fixtures";
import { call, jsonInit } from "../helpers";
import { type AccountWorld, fresh, type Headers, seedAccountWorld } from "./world";

/**
 * Lists show a user only the granted accounts' data; a contact shared by
 * two accounts shows a user of one only that account's side of it. (The
 * contacts export job is covered by test/worker/contacts/export.test.ts,
 * code filters on contact lists by test/worker/contacts/contacts-api.test.ts.)
 */
let owner: Headers;
let A: AccountWorld;
let B: AccountWorld;
let operator: TestUser;
let admin: TestUser;
let tagOnB: string;
let sharedContactId: string;

async function get<T>(path: string, headers: Headers): Promise<T> {
  const res = await call(path, { headers });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  owner = (await createUserWithToken("owner")).headers;
  A = await seedAccountWorld(owner);
  B = await seedAccountWorld(owner);
  operator = await createUserWithToken("operator", { accountIds: [A.account.id] });
  admin = await createUserWithToken("admin", { accountIds: [A.account.id] });
  tagOnB = await fresh.memberTag();
  await call(
    `/api/contacts/${B.contactId}/member-tags`,
    jsonInit("POST", { memberTagIds: [tagOnB] }, owner),
  );
  // One person who filled in a form of each account: a contact both accounts touch.
  const mobile = "13700009999";
  await submitAs({ id: A.formId }, await insertFan(A.account.id), {
    agree: "yes",
    mobile,
    name: "from A",
  });
  await submitAs({ id: B.formId }, await insertFan(B.account.id), {
    agree: "yes",
    mobile,
    name: "from B",
    city: "北京",
  });
  const row = await env.DB.prepare("select id from contacts where mobile = ?")
    .bind(mobile)
    .first<{ id: string }>();
  sharedContactId = row?.id ?? "";
});

describe("lists seen by a user granted account A only", () => {
  it("GET /api/accounts lists A and not B", async () => {
    const { accounts } = await get<{ accounts: { id: string }[] }>(
      "/api/accounts",
      operator.headers,
    );
    const ids = accounts.map((a) => a.id);
    expect(ids).toContain(A.account.id);
    expect(ids).not.toContain(B.account.id);
  });

  it("GET /api/contacts lists A's contacts and none of B's", async () => {
    const { contacts } = await get<{ contacts: { id: string }[] }>(
      "/api/contacts?pageSize=200",
      operator.headers,
    );
    const ids = contacts.map((c) => c.id);
    expect(ids).toContain(A.contactId);
    expect(ids).not.toContain(B.contactId);
  });

  it("GET /api/contacts?memberTagId= finds nothing through a tag only B's contact carries", async () => {
    const { contacts } = await get<{ contacts: unknown[] }>(
      `/api/contacts?memberTagId=${tagOnB}`,
      operator.headers,
    );
    expect(contacts).toEqual([]);
  });

  it("GET /api/member-tags counts only contacts the user can see", async () => {
    const count = async (headers: Headers) => {
      const { tags } = await get<{ tags: { id: string; contactCount: number }[] }>(
        "/api/member-tags",
        headers,
      );
      return tags.find((t) => t.id === tagOnB)?.contactCount;
    };
    expect(await count(owner)).toBe(1);
    expect(await count(operator.headers)).toBe(0);
  });

  it("GET /api/contacts/conflicts lists A's conflict and not B's", async () => {
    const { conflicts } = await get<{ conflicts: { id: string }[] }>(
      "/api/contacts/conflicts?pageSize=200",
      operator.headers,
    );
    const ids = conflicts.map((c) => c.id);
    expect(ids).toContain(A.conflictId);
    expect(ids).not.toContain(B.conflictId);
  });

  it("GET /api/accounts/{A}/jobs lists only A's jobs", async () => {
    const { jobs } = await get<{ jobs: { id: string }[] }>(
      `/api/accounts/${A.account.id}/jobs`,
      operator.headers,
    );
    expect(jobs.map((j) => j.id)).toContain(A.jobId);
    expect(jobs.map((j) => j.id)).not.toContain(B.jobId);
  });

  it("GET /api/contacts/{id} of a contact both accounts touch shows only A's side", async () => {
    const detail = await get<Record<string, unknown>>(
      `/api/contacts/${sharedContactId}`,
      operator.headers,
    );
    const text = JSON.stringify(detail);
    for (const idOfB of [B.account.id, B.formId]) expect(text).not.toContain(idOfB);
    const fans = detail.fans as { accountId: string }[];
    expect(fans.map((f) => f.accountId)).toEqual([A.account.id]);
    const submissions = detail.submissions as { formId: string }[];
    expect(submissions.map((s) => s.formId)).toEqual([A.formId]);
  });
});

describe("administration by an admin granted account A only", () => {
  it("GET /api/audit shows no entry of account B, even when filtered by it", async () => {
    await call(
      `/api/accounts/${B.account.id}/qrcodes/${B.codeId}`,
      jsonInit("PATCH", { name: "renamed in B" }, owner),
    );
    const all = await get<{ entries: { accountId: string | null }[] }>(
      "/api/audit?limit=200",
      admin.headers,
    );
    expect(all.entries.length).toBeGreaterThan(0);
    expect(all.entries.filter((e) => e.accountId === B.account.id)).toEqual([]);
    const filtered = await get<{ entries: unknown[] }>(
      `/api/audit?accountId=${B.account.id}`,
      admin.headers,
    );
    expect(filtered.entries).toEqual([]);
    const csv = await (await call("/api/audit/export", { headers: admin.headers })).text();
    expect(csv).not.toContain(B.account.id);
  });

  it("GET /api/users shows only grants of accounts the admin can see", async () => {
    await createUserWithToken("viewer", { accountIds: [A.account.id, B.account.id] });
    const { users } = await get<{ users: { accountIds: string[] }[] }>("/api/users", admin.headers);
    expect(users.flatMap((u) => u.accountIds)).not.toContain(B.account.id);
  });

  it("POST /api/users grants only accounts the admin can see", async () => {
    const res = await call(
      "/api/users",
      jsonInit(
        "POST",
        {
          email: `grant-${Date.now()}@example.com`,
          role: "operator",
          accountIds: [A.account.id, B.account.id],
        },
        admin.headers,
      ),
    );
    expect(res.status).toBe(201);
    const { user } = (await res.json()) as { user: { id: string; accountIds: string[] } };
    expect(user.accountIds).toEqual([A.account.id]);
    const grants = await env.DB.prepare("select account_id from user_accounts where user_id = ?")
      .bind(user.id)
      .all<{ account_id: string }>();
    expect(grants.results.map((g) => g.account_id)).toEqual([A.account.id]);
  });

  it("PATCH /api/users/{id} neither grants B nor takes away a grant of B it cannot see", async () => {
    const both = await createUserWithToken("operator", {
      accountIds: [A.account.id, B.account.id],
    });
    const onlyA = await createUserWithToken("operator", { accountIds: [A.account.id] });
    for (const target of [both, onlyA]) {
      const res = await call(
        `/api/users/${target.id}`,
        jsonInit("PATCH", { accountIds: [A.account.id, B.account.id] }, admin.headers),
      );
      expect(res.status).toBe(200);
      const { user } = (await res.json()) as { user: { accountIds: string[] } };
      expect(user.accountIds).toEqual([A.account.id]);
    }
    const emptied = await call(
      `/api/users/${both.id}`,
      jsonInit("PATCH", { accountIds: [] }, admin.headers),
    );
    expect(emptied.status).toBe(200);
    const grants = async (id: string) =>
      (
        await env.DB.prepare(
          "select account_id from user_accounts where user_id = ? order by account_id",
        )
          .bind(id)
          .all<{ account_id: string }>()
      ).results.map((g) => g.account_id);
    expect(await grants(both.id)).toEqual([B.account.id]);
    expect(await grants(onlyA.id)).toEqual([A.account.id]);
  });
});
