import { describe, expect, it } from "vitest";
import { call } from "../helpers";

type Operation = { summary?: string; tags?: string[]; responses?: Record<string, unknown> };
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};

describe("GET /api/openapi.json", () => {
  it("documents the dead-letter and erasure routes with summary, tags and errors", async () => {
    const res = await call("/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Doc;
    const expected: [string, string, string[]][] = [
      ["/api/dead-letters", "get", ["400", "401", "403"]],
      ["/api/dead-letters/{deadLetterId}/retry", "post", ["401", "403", "404", "409"]],
      ["/api/dead-letters/{deadLetterId}/discard", "post", ["401", "403", "404", "409"]],
      ["/api/accounts/{accountId}/fans/{fanId}/erase", "post", ["401", "403", "404", "409"]],
      ["/api/contacts/{contactId}/erase", "post", ["401", "403", "404", "409"]],
    ];
    for (const [path, method, errors] of expected) {
      const operation = doc.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation?.summary).toBeTruthy();
      expect(operation?.tags?.length).toBeGreaterThan(0);
      expect(Object.keys(operation?.responses ?? {})).toEqual(
        expect.arrayContaining(["200", ...errors]),
      );
    }
  });

  it("shows scanRetentionDays on accounts and erased on a code's fans", async () => {
    const doc = (await (await call("/api/openapi.json")).json()) as Doc;
    const { schemas } = doc.components;
    expect(schemas.Account?.properties).toHaveProperty("scanRetentionDays");
    expect(schemas.CreateAccountBody?.properties).toHaveProperty("scanRetentionDays");
    expect(schemas.UpdateAccountBody?.properties).toHaveProperty("scanRetentionDays");
    expect(schemas.CodeFan?.properties).toHaveProperty("erased");
    expect(schemas.DeadLetter?.properties).toHaveProperty("summary");
  });
});
