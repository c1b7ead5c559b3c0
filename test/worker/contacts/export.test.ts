import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { getLiveArtifact } from "../../../src/artifacts/store-artifact";
import { runContactsExport } from "../../../src/contacts/export-contacts";
import { getJob } from "../../../src/jobs/service";
import { createUserWithToken, type TestUser } from "../factories/users";
import { readXlsx } from "../files/sheet-helpers";
import { createForm, db, insertAccount, insertFan } from "../forms/fixtures";
import { call, jsonInit } from "../helpers";
import { submitAs } from "./submit";

let admin: TestUser;

beforeAll(async () => {
  const owner = await createUserWithToken("owner");
  const accountA = await insertAccount();
  const accountB = await insertAccount();
  admin = await createUserWithToken("admin", { accountIds: [accountA] });
  const formA = await createForm(owner.headers, accountA);
  const formB = await createForm(owner.headers, accountB);
  await submitAs(formA, await insertFan(accountA), {
    agree: "yes",
    name: '=HYPERLINK("x")',
    mobile: "13533330001",
  });
  await submitAs(formA, await insertFan(accountA), {
    agree: "yes",
    name: "许晴",
    mobile: "13533330002",
  });
  await submitAs(formB, await insertFan(accountB), {
    agree: "yes",
    name: "看不见",
    mobile: "13533330003",
  });
});

describe("POST /api/contacts/export", () => {
  it("queues a job whose file lists exactly the contacts the user may see", async () => {
    const res = await call("/api/contacts/export", jsonInit("POST", {}, admin.headers));
    expect(res.status).toBe(202);
    const { job } = (await res.json()) as { job: { id: string; type: string } };
    expect(job.type).toBe("contacts_export");

    const row = await getJob(db(), job.id);
    if (!row) throw new Error("job row missing");
    await runContactsExport(env, row);
    const done = await getJob(db(), job.id);
    expect(done).toMatchObject({ status: "succeeded", result: { rows: 2 } });

    const artifact = await getLiveArtifact(db(), done?.artifactId ?? "");
    const object = await env.ARTIFACTS.get(artifact?.r2Key ?? "");
    const sheet = readXlsx(
      new Uint8Array(await (object ? object.arrayBuffer() : new ArrayBuffer(0))),
    );
    const names = sheet.rows.slice(1).map((r) => r[0]?.value);
    expect(names.sort()).toEqual(['=HYPERLINK("x")', "许晴"].sort());
    expect(sheet.rows[0]?.map((c) => c.value).slice(0, 3)).toEqual(["姓名", "手机号", "邮箱"]);

    const polled = await call(`/api/jobs/${job.id}`, { headers: admin.headers });
    expect(((await polled.json()) as { job: { downloadUrl: string } }).job.downloadUrl).toMatch(
      /^\/files\//,
    );
  });
});
