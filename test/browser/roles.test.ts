import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiSession, unique } from "./api";
import { type Browser, expectText, openBrowser, screenshot } from "./browser";

// The console as a viewer and an operator see it: the owner grants both the
// demo account, and each signs in. A viewer reads everything and is offered
// no change the server would refuse; an operator changes codes and forms but
// is offered nothing that needs an admin.

const DEMO_ACCOUNT = "晨光咖啡 服务号（演示）";
const PASSWORD = "role-test-password";

type Item = { id: string; name: string };

async function signInAs(page: Page, email: string) {
  await page.goto("/");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(PASSWORD);
  await page.locator("form[name=sign-in] button[type=submit]").click();
  await page.locator(".topbar").waitFor();
}

/** Every answer the server refused while a page was used: a clean console causes none. */
function collectRefusals(page: Page): string[] {
  const refused: string[] = [];
  page.on("response", (res) => {
    if (res.status() === 403) refused.push(`${res.request().method()} ${res.url()}`);
  });
  return refused;
}

async function expectClosed(page: Page, path: string, text: string) {
  await page.goto(path);
  await expectText(page.locator(".empty-state"), text);
}

describe("roles: what a viewer and an operator are offered", () => {
  let api: ApiSession;
  let demo: Item;
  let empty: Item;
  let code: Item;
  let form: Item;
  const viewerEmail = `${unique("viewer")}@example.com`;
  const operatorEmail = `${unique("operator")}@example.com`;

  beforeAll(async () => {
    api = await ApiSession.signIn();
    const { accounts } = await api.call<{ accounts: Item[] }>("GET", "/api/accounts");
    const found = accounts.find((a) => a.name === DEMO_ACCOUNT);
    if (!found) throw new Error("the demo account was not seeded");
    demo = found;
    empty = await api.createSandboxAccount(unique("空公众号"));
    const { items } = await api.call<{ items: Item[] }>(
      "GET",
      `/api/accounts/${demo.id}/qrcodes?pageSize=1`,
    );
    const { forms } = await api.call<{ forms: Item[] }>("GET", `/api/accounts/${demo.id}/forms`);
    if (!items[0] || !forms[0]) throw new Error("the demo account has no code or no form");
    code = items[0];
    form = forms[0];
    for (const [email, role, accountIds] of [
      [viewerEmail, "viewer", [demo.id, empty.id]],
      [operatorEmail, "operator", [demo.id]],
    ] as const) {
      await api.call("POST", "/api/users", { email, role, password: PASSWORD, accountIds });
    }
  });

  describe("a viewer", () => {
    let viewer: Browser;
    let refused: string[];
    const codes = () => `/accounts/${demo.id}/qrcodes`;

    beforeAll(async () => {
      viewer = await openBrowser();
      refused = collectRefusals(viewer.page);
      await signInAs(viewer.page, viewerEmail);
    });
    afterAll(async () => {
      await viewer?.close();
    });

    it("reads the code list without create, selection, group or row-change actions", async () => {
      const { page } = viewer;
      await page.goto(codes());
      await page.getByTestId("qr-row").first().waitFor();
      const header = page.locator(".page-header");
      await expectText(header.getByTestId("read-only-note"), "只读");
      expect(await header.getByRole("link", { name: "新建二维码" }).count()).toBe(0);
      expect(await header.getByRole("link", { name: "批量创建" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: "管理分组" }).count()).toBe(0);
      expect(await page.locator(".qr-table input[type=checkbox]").count()).toBe(0);
      expect(await page.getByTestId("admin-nav").count()).toBe(0);

      const row = page.getByTestId("qr-row").first();
      expect(await row.getByRole("link", { name: "下载 PNG" }).count()).toBe(1);
      await row.getByRole("button", { name: "操作" }).click();
      const items = await page.getByRole("menuitem").allTextContents();
      expect(items.map((s) => s.trim())).toEqual(["查看", "查看设置"]);
      await screenshot(page, "viewer-qrcodes");
      await page.keyboard.press("Escape");
    });

    it("reads a code's page without edit, archive, export or a simulated scan", async () => {
      const { page } = viewer;
      await page.goto(`${codes()}/${code.id}`);
      await expectText(page.locator("h1"), code.name);
      const header = page.locator(".page-header");
      expect(await header.getByRole("link", { name: "编辑" }).count()).toBe(0);
      expect(await header.getByRole("button", { name: "操作" }).count()).toBe(0);
      await expectText(header.getByTestId("read-only-note"), "只读");
      expect(await page.getByTestId("simulate-card").count()).toBe(0);
      expect(
        await page.getByTestId("fans-card").getByRole("button", { name: "导出" }).count(),
      ).toBe(0);
      await page.getByTestId("download-card").waitFor();
      await screenshot(page, "viewer-code");

      await header.getByRole("link", { name: "查看设置" }).click();
      await expectText(page.getByTestId("read-only-notice"), "只有运营、管理员和所有者可以修改");
      expect(await page.locator("#qr-name").isDisabled()).toBe(true);
      expect(await page.locator("#qr-name").inputValue()).toBe(code.name);
      expect(await page.locator("form[name=qrcode] button[type=submit]").count()).toBe(0);
      await screenshot(page, "viewer-code-settings");
    });

    it("reads forms and a form's settings without create, edit, delete or save", async () => {
      const { page } = viewer;
      await page.goto(`/accounts/${demo.id}/forms`);
      const row = page.getByTestId("form-row").filter({ hasText: form.name });
      await row.waitFor();
      expect(await page.getByRole("link", { name: "新建表单" }).count()).toBe(0);
      expect(await row.getByRole("link", { name: "编辑" }).count()).toBe(0);
      expect(await row.getByRole("button", { name: "删除" }).count()).toBe(0);
      expect(await row.getByRole("link", { name: "打开页面" }).count()).toBe(1);
      await screenshot(page, "viewer-forms");

      await row.getByRole("link", { name: "查看设置" }).click();
      await expectText(page.getByTestId("read-only-notice"), "只读");
      expect(await page.locator("#form-name").isDisabled()).toBe(true);
      expect(await page.locator("form[name=form-builder] button[type=submit]").count()).toBe(0);
      await screenshot(page, "viewer-form-settings");
    });

    it("reads contacts, member tags and conflicts without export, tag or resolve actions", async () => {
      const { page } = viewer;
      await page.goto("/contacts");
      await page.getByTestId("contact-row").first().waitFor();
      expect(await page.getByRole("button", { name: "导出 Excel" }).count()).toBe(0);
      await expectText(page.locator(".page-header").getByTestId("read-only-note"), "只读");
      await screenshot(page, "viewer-contacts");

      await page.getByTestId("contact-row").first().getByRole("link").click();
      const tags = page.getByTestId("contact-tags");
      await tags.waitFor();
      await expectText(tags, "秋季活动报名");
      expect(await tags.locator("select, button").count()).toBe(0);
      const header = page.locator(".page-header");
      expect(await header.getByRole("button", { name: "编辑" }).count()).toBe(0);
      await expectText(header.getByTestId("read-only-note"), "只读");
      await screenshot(page, "viewer-contact");

      await page.goto("/member-tags");
      await page.getByTestId("member-tag-row").first().waitFor();
      expect(await page.locator("form[name=member-tag-create]").count()).toBe(0);
      expect(await page.getByTestId("member-tag-row").first().locator("button").count()).toBe(0);
      await screenshot(page, "viewer-member-tags");

      await page.goto("/contacts/conflicts");
      await page.locator(".page-header").getByTestId("read-only-note").waitFor();
      expect(await page.locator(".table button, .table .row-actions").count()).toBe(0);
    });

    it("reads the overview and the jobs", async () => {
      const { page } = viewer;
      await page.goto(`/accounts/${demo.id}/overview`);
      await expectText(page.locator("h1"), "数据概览");
      await screenshot(page, "viewer-overview");
      await page.goto(`/accounts/${empty.id}/overview`);
      await page.locator(".empty-state").filter({ hasText: "还没有扫码记录" }).waitFor();
      expect(await page.getByRole("link", { name: "新建二维码" }).count()).toBe(0);
      await screenshot(page, "viewer-overview-empty");
      await page.goto(`/accounts/${demo.id}/jobs`);
      await expectText(page.locator("h1"), "任务");
      await screenshot(page, "viewer-jobs");
    });

    it("is told who can create codes and forms in an account that has none", async () => {
      const { page } = viewer;
      await page.goto(`/accounts/${empty.id}/qrcodes`);
      const state = page.locator(".empty-state");
      await expectText(state, "运营、管理员和所有者可以创建二维码");
      expect(await state.locator("a, button").count()).toBe(0);
      await screenshot(page, "viewer-qrcodes-empty");
      await page.goto(`/accounts/${empty.id}/forms`);
      await expectText(page.locator(".empty-state"), "运营、管理员和所有者可以新建表单");
      expect(await page.locator(".empty-state a").count()).toBe(0);
    });

    it("reads why create pages are closed when following a shared link", async () => {
      const { page } = viewer;
      await expectClosed(page, `${codes()}/new`, "只读成员可以查看，但不能新建或修改");
      await expectClosed(page, `${codes()}/import`, "只读成员可以查看");
      await expectClosed(page, `/accounts/${demo.id}/forms/new`, "只读成员可以查看");
      await expectClosed(page, "/accounts/new", "仅管理员和所有者");
      await expectClosed(page, "/settings/users", "仅管理员和所有者");
    });

    it("reads account settings disabled, and may only create read tokens", async () => {
      const { page } = viewer;
      await page.goto(`/accounts/${demo.id}/settings`);
      await page.getByTestId("settings-admin-only").waitFor();
      expect(await page.locator("form[name=account] button[type=submit]").isDisabled()).toBe(true);
      expect(await page.getByRole("button", { name: "检测连接" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: "删除" }).count()).toBe(0);
      await screenshot(page, "viewer-account-settings");

      await page.goto("/settings/tokens");
      await page.getByRole("button", { name: "创建令牌" }).first().click();
      const dialog = page.locator(".modal");
      expect(await dialog.getByRole("button", { name: "读写" }).isDisabled()).toBe(true);
      await expectText(dialog, "只读成员只能创建只读令牌");
      await page.locator("#token-name").fill("viewer read token");
      await dialog.locator(".modal-footer .btn-primary").click();
      await expectText(page.locator(".modal"), "viewer read token");
      await page.locator(".modal-footer .btn-primary").click();
      const row = page.locator("tr").filter({ hasText: "viewer read token" });
      await expectText(row, "只读");
    });

    it("shows the same read-only console in English", async () => {
      const { page } = viewer;
      await page.goto(codes());
      await page.getByRole("button", { name: "EN" }).click();
      await expectText(page.locator(".page-header").getByTestId("read-only-note"), "Read-only");
      expect(await page.getByRole("link", { name: "New QR code" }).count()).toBe(0);
      await screenshot(page, "viewer-qrcodes-en");
      await page.goto(`${codes()}/${code.id}`);
      await page.getByRole("link", { name: "View settings" }).waitFor();
      await screenshot(page, "viewer-code-en");
      await page.goto(`/accounts/${demo.id}/forms`);
      await page.getByTestId("form-row").first().waitFor();
      await screenshot(page, "viewer-forms-en");
      await page.goto(`/accounts/${empty.id}/qrcodes`);
      await expectText(page.locator(".empty-state"), "Operators, admins and owners can create");
      await screenshot(page, "viewer-qrcodes-empty-en");
      await page.goto(`/accounts/${demo.id}/qrcodes/new`);
      await expectText(page.locator(".empty-state"), "Viewers can look");
      await screenshot(page, "viewer-closed-en");
      await page.getByRole("button", { name: "中文" }).click();
    });

    it("was refused nothing while browsing", () => {
      expect(refused).toEqual([]);
    });
  });

  describe("an operator", () => {
    let operator: Browser;

    beforeAll(async () => {
      operator = await openBrowser();
      await signInAs(operator.page, operatorEmail);
    });
    afterAll(async () => {
      await operator?.close();
    });

    it("creates and edits codes but sees no admin navigation", async () => {
      const { page } = operator;
      await page.goto(`/accounts/${demo.id}/qrcodes`);
      const header = page.locator(".page-header");
      await header.getByRole("link", { name: "新建二维码" }).waitFor();
      expect(await header.getByRole("link", { name: "批量创建" }).count()).toBe(1);
      expect(await header.getByTestId("read-only-note").count()).toBe(0);
      expect(await page.getByTestId("admin-nav").count()).toBe(0);
      const nav = (await page.locator(".sidenav").textContent()) ?? "";
      for (const admin of ["用户与权限", "操作日志", "失败的后台处理"]) {
        expect(nav).not.toContain(admin);
      }
      await page.goto(`/accounts/${demo.id}/qrcodes/${code.id}`);
      await page.locator(".page-header").getByRole("link", { name: "编辑" }).waitFor();
      expect(await page.getByTestId("simulate-card").count()).toBe(1);
      await page.goto(`/accounts/${demo.id}/forms`);
      await page.getByRole("link", { name: "新建表单" }).waitFor();
    });

    it("reads account settings without saving or deleting, and may run the check", async () => {
      const { page } = operator;
      await page.goto(`/accounts/${demo.id}/settings`);
      await page.getByTestId("settings-admin-only").waitFor();
      expect(await page.locator("form[name=account] button[type=submit]").isDisabled()).toBe(true);
      expect(await page.getByText("危险操作").count()).toBe(0);
      expect(await page.getByRole("button", { name: "删除" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: "检测连接" }).isEnabled()).toBe(true);
      await screenshot(page, "operator-account-settings");
    });

    it("creates member tags but is offered no rename, merge or delete", async () => {
      const { page } = operator;
      await page.goto("/member-tags");
      await page.locator("form[name=member-tag-create]").waitFor();
      await page.getByTestId("member-tag-row").first().waitFor();
      expect(await page.getByTestId("member-tag-row").first().locator("button").count()).toBe(0);
      await expectText(page.getByTestId("read-only-note"), "部分操作仅限管理员");
      await screenshot(page, "operator-member-tags");
    });

    it("reads why admin pages are closed", async () => {
      const { page } = operator;
      await expectClosed(page, "/settings/audit", "仅管理员和所有者");
      await expectClosed(page, "/settings/dead-letters", "仅管理员和所有者");
      await expectClosed(page, "/accounts/new", "仅管理员和所有者");
    });
  });
});
