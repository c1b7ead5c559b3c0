import { describe, expect, it } from "vitest";
import { call } from "../helpers";

describe("GET /api/openapi.json", () => {
  it("documents the routes of scans, statistics, replies, media, tags, live counters and exports", async () => {
    const doc = (await (await call("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const expected: [string, string][] = [
      ["/api/accounts/{accountId}/qrcodes/{id}/stats", "get"],
      ["/api/accounts/{accountId}/qrcodes/{id}/fans", "get"],
      ["/api/accounts/{accountId}/stats/summary", "get"],
      ["/api/accounts/{accountId}/qrcodes/{id}/deliveries", "get"],
      ["/api/accounts/{accountId}/media", "post"],
      ["/api/accounts/{accountId}/media", "get"],
      ["/api/accounts/{accountId}/media/{id}/content", "get"],
      ["/api/accounts/{accountId}/fan-tags", "get"],
      ["/api/accounts/{accountId}/fan-tags", "post"],
      ["/api/accounts/{accountId}/fan-tags/sync", "post"],
      ["/api/accounts/{accountId}/qrcodes/{id}/tag-failures", "get"],
      ["/api/member-tags", "get"],
      ["/api/member-tags", "post"],
      ["/api/accounts/{accountId}/live", "get"],
      ["/api/accounts/{accountId}/qrcodes/{id}/fans/export", "post"],
      ["/api/accounts/{accountId}/scans/export", "post"],
    ];
    expect(expected.filter(([path, method]) => !doc.paths[path]?.[method])).toEqual([]);
  });
});
