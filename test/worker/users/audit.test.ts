import { describe, expect, it } from "vitest";
import { call, jsonInit, signInAsOwner } from "../helpers";

type AuditPage = {
  entries: {
    action: string;
    entityId: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }[];
  nextBefore: number | null;
};

describe("GET /api/audit", () => {
  it("records a user change with who and what, never the password", async () => {
    const owner = await signInAsOwner();
    const created = await call(
      "/api/users",
      jsonInit(
        "POST",
        { email: "audited@example.com", role: "viewer", password: "a-long-password" },
        { Cookie: owner },
      ),
    );
    const { user } = (await created.json()) as { user: { id: string } };
    const res = await call(`/api/audit?entityId=${user.id}`, { headers: { Cookie: owner } });
    expect(res.status).toBe(200);
    const page = (await res.json()) as AuditPage;
    expect(page.entries.map((e) => e.action)).toEqual(["user.create"]);
    expect(JSON.stringify(page.entries)).not.toContain("a-long-password");
  });

  it("records a role change with the grants it kept, so before and after differ by the role only", async () => {
    const owner = await signInAsOwner();
    const account = await call(
      "/api/accounts",
      jsonInit("POST", { name: "Audited grants", isSandbox: true }, { Cookie: owner }),
    );
    const { account: a } = (await account.json()) as { account: { id: string } };
    const created = await call(
      "/api/users",
      jsonInit(
        "POST",
        { email: "granted@example.com", role: "viewer", accountIds: [a.id] },
        { Cookie: owner },
      ),
    );
    const { user } = (await created.json()) as { user: { id: string } };
    await call(`/api/users/${user.id}`, jsonInit("PATCH", { role: "operator" }, { Cookie: owner }));

    const res = await call(`/api/audit?entityId=${user.id}`, { headers: { Cookie: owner } });
    const [update] = ((await res.json()) as AuditPage).entries;
    expect(update?.action).toBe("user.update");
    expect(update?.before).toMatchObject({ role: "viewer", accountIds: [a.id] });
    expect(update?.after).toMatchObject({ role: "operator", accountIds: [a.id] });
  });

  it("pages newest first with a stable cursor", async () => {
    const owner = await signInAsOwner();
    for (let i = 0; i < 3; i++) {
      await call(
        "/api/users",
        jsonInit("POST", { email: `p${i}@example.com`, role: "viewer" }, { Cookie: owner }),
      );
    }
    const first = (await (
      await call("/api/audit?limit=2", { headers: { Cookie: owner } })
    ).json()) as AuditPage;
    expect(first.entries).toHaveLength(2);
    expect(first.nextBefore).not.toBeNull();
    const second = (await (
      await call(`/api/audit?limit=2&before=${first.nextBefore}`, { headers: { Cookie: owner } })
    ).json()) as AuditPage;
    const ids = [...first.entries, ...second.entries].map((e) => e.entityId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("exports CSV with a BOM and a header row", async () => {
    const owner = await signInAsOwner();
    const res = await call("/api/audit/export", { headers: { Cookie: owner } });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split("\r\n")[0]).toBe(
      "time,user,account,action,entity type,entity id,before,after,request id",
    );
  });
});
