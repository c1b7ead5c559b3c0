import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession, unique } from "./api";
import { type Browser, expectText, openBrowser, screenshot, signIn } from "./browser";

// The trust pages as an owner and an invited operator use them: users and
// their grants, what an operator sees, the audit log, sessions, failed
// background work, data retention and a fan's erasure.

type Job = { id: string; status: string; error: string | null };

/** The error recordDeadLetter gives the job it stops (src/dead-letters/record-dead-letter.ts). */
const DEAD_LETTER_JOB_ERROR =
  "Stopped after repeated failures; an admin can retry it from the dead letters";

/**
 * What the dead-letter consumer writes when a message used up its retries:
 * the row, and the job it stopped. Six real failures take minutes of backoff,
 * and no route records one, so the row goes into the local D1 the product
 * runs on; everything after it (list, retry, the queue, the job) is the product.
 */
function recordDeadLetter(row: {
  id: string;
  body: unknown;
  type: string;
  accountId: string | null;
  jobId: string | null;
  summary: string;
}) {
  const now = Date.now();
  const text = (v: string | null) => (v === null ? "NULL" : `'${v.replaceAll("'", "''")}'`);
  const sql = [
    `INSERT INTO dead_letters (id, queue, body, type, account_id, job_id, summary, attempts, status, created_at) VALUES (${text(row.id)}, 'wechat-qr-jobs-dlq', ${text(JSON.stringify(row.body))}, ${text(row.type)}, ${text(row.accountId)}, ${text(row.jobId)}, ${text(row.summary)}, 6, 'open', ${now});`,
    row.jobId
      ? `UPDATE jobs SET status = 'failed', error = ${text(DEAD_LETTER_JOB_ERROR)}, finished_at = ${now} WHERE id = ${text(row.jobId)};`
      : "",
  ].join(" ");
  execFileSync(
    "npx",
    [
      "wrangler",
      "d1",
      "execute",
      "wechat-qr",
      "--local",
      "--persist-to",
      inject("stateDir"),
      "--command",
      sql,
    ],
    { stdio: "pipe", env: { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false" } },
  );
}

async function waitForJob(api: ApiSession, jobId: string, done: (job: Job) => boolean) {
  let job: Job | undefined;
  await expect
    .poll(
      async () => {
        job = (await api.call<{ job: Job }>("GET", `/api/jobs/${jobId}`)).job;
        return done(job);
      },
      { timeout: 20_000, interval: 300 },
    )
    .toBe(true);
  return job as Job;
}

describe("trust: users, audit, sessions, dead letters, retention, erasure", () => {
  let owner: Browser;
  let api: ApiSession;
  let granted: { id: string; name: string };
  let hidden: { id: string; name: string };
  const operatorEmail = `${unique("operator")}@example.com`;
  let operatorPassword = "";

  beforeAll(async () => {
    api = await ApiSession.signIn();
    granted = await api.createSandboxAccount(unique("授权公众号"));
    hidden = await api.createSandboxAccount(unique("未授权公众号"));
    owner = await openBrowser();
    await signIn(owner.page);
  });
  afterAll(async () => {
    await owner?.close();
  });

  it("invites an operator with one account and shows the temporary password once", async () => {
    const { page } = owner;
    await page.goto("/settings/users");
    await page.getByRole("button", { name: "邀请用户" }).click();
    await page.locator("#invite-email").fill(operatorEmail);
    await page.locator("#invite-name").fill("李娜");
    await page.getByRole("radio", { name: /^运营/ }).check();
    await page.getByTestId("account-grants").getByText(granted.name).click();
    await screenshot(page, "user-invite");
    await page.locator(".modal-footer .btn-primary").click();

    await expectText(page.locator(".modal"), "临时密码只显示这一次");
    operatorPassword = await page.getByRole("textbox", { name: "临时密码" }).inputValue();
    expect(operatorPassword.length).toBeGreaterThanOrEqual(10);
    await screenshot(page, "user-invited");
    await page.locator(".modal-footer .btn-primary").click();

    const row = page.getByTestId("user-row").filter({ hasText: operatorEmail });
    await expectText(row, "运营");
    await expectText(row, granted.name);
    expect(await row.textContent()).not.toContain(hidden.name);
    expect(await page.getByTestId("users-table").textContent()).not.toContain(operatorPassword);
    await screenshot(page, "users");
  });

  it("signs the operator in to the granted account only, without admin pages, and lets them set a password", async () => {
    const operator = await openBrowser();
    try {
      const { page } = operator;
      await page.goto("/");
      await page.locator("#email").fill(operatorEmail);
      await page.locator("#password").fill(operatorPassword);
      await page.locator("form[name=sign-in] button[type=submit]").click();
      await page.waitForURL(`**/accounts/${granted.id}/qrcodes`);
      await expectText(page.getByTestId("current-account"), granted.name);
      await expectText(page.locator(".sidenav"), "账号安全");
      expect(await page.getByTestId("admin-nav").count()).toBe(0);
      expect(await page.locator(".sidenav").textContent()).not.toContain("用户与权限");

      const visible = await page.evaluate(async () => {
        const res = await fetch("/api/accounts");
        const body = (await res.json()) as { accounts: { id: string }[] };
        return body.accounts.map((a) => a.id);
      });
      expect(visible).toEqual([granted.id]);
      await screenshot(page, "operator-home");

      await page.goto("/settings/security");
      await page.locator("#current-password").fill(operatorPassword);
      await page.locator("#new-password").fill("operator-own-password");
      await page.locator("#repeat-password").fill("operator-own-password");
      await page.locator("form[name=change-password] button[type=submit]").click();
      await expectText(page.locator(".toast"), "密码已更新");

      await page.goto("/accounts");
      await expectText(page.locator("table"), granted.name);
      expect(await page.locator(".page-actions a[href='/accounts/new']").count()).toBe(0);
      await page.goto("/settings/users");
      await expectText(page.locator(".empty-state"), "没有权限");
      await page.goto(`/accounts/${hidden.id}/qrcodes`);
      await expectText(page.locator(".empty-state"), "找不到该内容");
    } finally {
      await operator.close();
    }
  });

  it("shows the invitation in the audit log with the role and account it granted", async () => {
    const { users } = await api.call<{ users: { id: string; email: string }[] }>(
      "GET",
      "/api/users",
    );
    const invited = users.find((u) => u.email === operatorEmail);
    const { page } = owner;
    await page.goto("/settings/audit");
    await page.locator("select[name=audit-entity-type]").selectOption("user");
    await page.locator("input[name=audit-entity-id]").fill(invited?.id ?? "");
    await page.waitForURL(`**/settings/audit?entityType=user&entityId=${invited?.id}`);
    // Newest first: the operator's own password change, then the owner's invitation.
    const rows = page.getByTestId("audit-row");
    await expectText(rows.nth(0), "修改密码");
    await expectText(rows.nth(0), operatorEmail);
    const row = rows.nth(1);
    await expectText(row, "创建用户");
    await expectText(row, "李娜");
    expect(await rows.count()).toBe(2);
    await row.getByRole("button", { name: "查看" }).click();
    const diff = page.getByTestId("audit-diff");
    await expectText(diff, "运营");
    await expectText(diff, granted.name);
    await expectText(diff, operatorEmail);
    await screenshot(page, "audit-log");
    expect(await page.locator(".page-actions a").getAttribute("href")).toBe(
      `/api/audit/export?entityType=user&entityId=${invited?.id}`,
    );
  });

  it("signs out another session of the owner from the security page", async () => {
    const other = await openBrowser();
    try {
      await signIn(other.page);
      const cookie = (await other.context.cookies()).find((c) => c.name === "qrc_session");
      const sessionId = createHash("sha256")
        .update(cookie?.value ?? "")
        .digest("hex");

      const { page } = owner;
      await page.goto("/settings/security");
      const row = page.locator(`[data-testid=session-row][data-session-id="${sessionId}"]`);
      await expectText(row, "Headless Chrome");
      expect(await row.textContent()).not.toContain("当前设备");
      await screenshot(page, "security");
      await row.getByRole("button", { name: "退出该设备" }).click();
      await page.locator(".modal-footer .btn-danger").click();
      await expect.poll(() => row.count()).toBe(0);
      await expectText(page.getByTestId("sessions-card"), "当前设备");

      await other.page.reload();
      await expectText(other.page.locator("h1"), "登录控制台");
    } finally {
      await other.close();
    }
  });

  it("says nothing has failed, then retries a dead letter and its job runs again", async () => {
    const { page } = owner;
    await page.goto("/settings/dead-letters");
    await expectText(page.locator(".empty-state"), "没有失败的后台处理");

    const code = await api.createCode(granted.id, {
      name: unique("重试测试码"),
      kind: "permanent",
    });
    const { job } = await api.call<{ job: Job }>(
      "POST",
      `/api/accounts/${granted.id}/scans/export`,
      {
        format: "csv",
        qrcodeIds: [code.id],
      },
    );
    await waitForJob(api, job.id, (j) => j.status === "succeeded");
    recordDeadLetter({
      id: unique("dlq_browser_retry"),
      body: { type: "run_job", jobId: job.id },
      type: "run_job",
      accountId: granted.id,
      jobId: job.id,
      summary: "Export scan records",
    });

    await page.reload();
    // The job's kind in the reader's language, from the job the dead letter names.
    const row = page.getByTestId("dead-letter-row").filter({ hasText: "导出扫码记录" });
    await expectText(row, "后台任务");
    expect(await row.textContent()).not.toContain("Export scan records");
    await expectText(row, granted.name);
    await screenshot(page, "dead-letters");
    await row.getByRole("button", { name: "重试" }).click();
    await expectText(page.locator(".toast"), "已重新加入处理队列");
    await expectText(page.locator(".empty-state"), "没有失败的后台处理");

    const rerun = await waitForJob(api, job.id, (j) => j.status === "succeeded");
    expect(rerun.error).toBeNull();
    await page.getByRole("tab", { name: "已重试" }).click();
    await expectText(page.getByTestId("dead-letter-row").first(), "已重试");
  });

  it("discards an unreadable dead letter after a confirmation", async () => {
    const { page } = owner;
    recordDeadLetter({
      id: unique("dlq_browser_discard"),
      body: { type: "no_such_message" },
      type: "unknown",
      accountId: null,
      jobId: null,
      summary: "A message the worker could not read",
    });
    await page.goto("/settings/dead-letters");
    const row = page.getByTestId("dead-letter-row").filter({ hasText: "无法识别的消息" });
    expect(await row.getByRole("button", { name: "重试" }).count()).toBe(0);
    await row.getByRole("button", { name: "丢弃" }).click();
    await expectText(page.locator(".modal"), "此操作无法撤销");
    await page.locator(".modal-footer .btn-danger").click();
    await expectText(page.locator(".empty-state"), "没有失败的后台处理");
    await page.getByRole("tab", { name: "已丢弃" }).click();
    await expectText(page.getByTestId("dead-letters-table"), "无法识别的消息");
  });

  it("keeps the raw scan retention chosen in the account settings", async () => {
    const { page } = owner;
    await page.goto(`/accounts/${granted.id}/settings`);
    await page.locator("#account-scanRetentionDays").selectOption("90");
    await page.locator("form[name=account] button[type=submit]").click();
    await expectText(page.locator(".toast"), "公众号设置已保存");
    const { account } = await api.call<{ account: { scanRetentionDays: number } }>(
      "GET",
      `/api/accounts/${granted.id}`,
    );
    expect(account.scanRetentionDays).toBe(90);
    await page.reload();
    expect(await page.locator("#account-scanRetentionDays").inputValue()).toBe("90");
  });

  it("erases a fan from the code's fan list and keeps the scan count", async () => {
    const { page } = owner;
    const code = await api.createCode(granted.id, {
      name: unique("抹除测试码"),
      kind: "permanent",
    });
    await api.call("POST", `/api/accounts/${granted.id}/sandbox/scans`, {
      openid: unique("o_erase_me"),
      scene: code.scene,
    });
    await page.goto(`/accounts/${granted.id}/qrcodes/${code.id}`);
    const fan = page.getByTestId("fan-row").first();
    await expectText(fan, "o_erase_me");
    await fan.getByRole("button", { name: "操作" }).click();
    await page.getByRole("menuitem", { name: "抹除个人数据" }).click();
    await expectText(page.getByTestId("erase-dialog"), "统计数字保持不变");
    await page.locator(".modal-footer .btn-danger").click();

    await expectText(fan, "已抹除");
    expect(await fan.textContent()).not.toContain("o_erase_me");
    expect(await fan.locator("td.num").textContent()).toBe("1");
    await screenshot(page, "fan-erased");
  });

  it("shows the admin pages in English", async () => {
    const { page } = owner;
    await page.goto("/settings/users");
    await page.getByRole("button", { name: "EN" }).click();
    await expectText(page.getByTestId("admin-nav"), "Audit log");
    await expectText(page.locator("h1"), "Users & access");
    await screenshot(page, "users-en");
    await page.goto("/settings/dead-letters");
    await page.getByRole("tab", { name: "Retried" }).click();
    await expectText(page.getByTestId("dead-letters-table"), "Background job");
    await page.getByRole("button", { name: "中文" }).click();
    await expectText(page.getByTestId("admin-nav"), "操作日志");
  });
});
