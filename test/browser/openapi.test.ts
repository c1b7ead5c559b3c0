// The API reference as an engineer's tools read it: the document the running
// product serves, validated against the OpenAPI 3.1 schema by an independent
// validator (not the library that generated it), and its reference page.
import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, inject, it } from "vitest";

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
};

describe("GET /api/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document with every $ref resolving", async () => {
    const res = await fetch(`${inject("baseUrl")}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Doc;
    expect(doc.openapi).toMatch(/^3\.1\./);
    // validate() checks the schema of the document and dereferences every $ref.
    const checked = (await SwaggerParser.validate(structuredClone(doc) as never)) as unknown as Doc;
    const operations = Object.values(checked.paths).flatMap((ops) => Object.values(ops));
    expect(operations.length).toBeGreaterThan(80);
    for (const op of operations) expect(Object.keys(op.responses ?? {}).length).toBeGreaterThan(0);
  });

  it("is browsable at /api-docs/", async () => {
    const res = await fetch(`${inject("baseUrl")}/api-docs/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("swagger");
  });
});
