import { describe, expect, it } from "vitest";
import { call } from "../helpers";

describe("GET /api/openapi.json", () => {
  it("documents every route of accounts, QR codes, groups, imports and downloads", async () => {
    const res = await call("/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    const expected: [string, string][] = [
      ["/api/accounts", "post"],
      ["/api/accounts/{accountId}", "get"],
      ["/api/accounts/{accountId}", "patch"],
      ["/api/accounts/{accountId}", "delete"],
      ["/api/accounts/{accountId}/check", "post"],
      ["/api/accounts/{accountId}/qrcodes", "post"],
      ["/api/accounts/{accountId}/qrcodes", "get"],
      ["/api/accounts/{accountId}/qrcodes/{id}", "get"],
      ["/api/accounts/{accountId}/qrcodes/{id}", "patch"],
      ["/api/accounts/{accountId}/qrcodes/{id}", "delete"],
      ["/api/accounts/{accountId}/qrcodes/{id}/archive", "post"],
      ["/api/accounts/{accountId}/qrcodes/{id}/unarchive", "post"],
      ["/api/accounts/{accountId}/qrcodes/{id}/renew", "post"],
      ["/api/accounts/{accountId}/qrcodes/{id}/image", "get"],
      ["/api/accounts/{accountId}/qrcodes/bulk-delete", "post"],
      ["/api/accounts/{accountId}/qrcodes/move", "post"],
      ["/api/accounts/{accountId}/qrcodes/imports", "post"],
      ["/api/accounts/{accountId}/qrcodes/imports/{importId}", "get"],
      ["/api/accounts/{accountId}/qrcodes/imports/{importId}/confirm", "post"],
      ["/api/accounts/{accountId}/qrcodes/downloads", "post"],
      ["/api/accounts/{accountId}/groups", "get"],
      ["/api/accounts/{accountId}/groups", "post"],
      ["/api/accounts/{accountId}/groups/{groupId}", "patch"],
      ["/api/accounts/{accountId}/groups/{groupId}", "delete"],
    ];
    const missing = expected.filter(([path, method]) => !doc.paths[path]?.[method]);
    expect(missing).toEqual([]);
  });
});
