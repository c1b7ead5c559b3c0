import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../src/db/client";
import { fans } from "../../../src/db/schema";
import { errorFields } from "../../../src/lib/log";

describe("errorFields", () => {
  it("keeps a failed query's SQL and drops the values it bound", async () => {
    const openid = "o_personal_data_in_a_param";
    const now = Date.now();
    const failed = await getDb(env.DB)
      .insert(fans)
      // A NOT NULL column given null makes D1 refuse the statement after binding it.
      .values({
        id: "fan_x",
        accountId: null as unknown as string,
        openid,
        createdAt: now,
        updatedAt: now,
      })
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(failed).toBeInstanceOf(Error);
    // The raw error does carry the value: the redaction is what keeps it out.
    expect(String((failed as Error).message)).toContain(openid);

    const fields = errorFields(failed);
    expect(JSON.stringify(fields)).not.toContain(openid);
    expect(String(fields.errorMessage)).toContain('insert into "fans"');
    expect(String(fields.errorMessage)).toContain("params: [redacted]");
  });

  it("logs a plain error's message and stack as they are", () => {
    const fields = errorFields(new Error("queue handler missing"));
    expect(fields).toMatchObject({ errorName: "Error", errorMessage: "queue handler missing" });
    expect(String(fields.stack)).toContain("queue handler missing");
  });
});
