import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiSession, unique } from "./api";
import { type Browser, expectText, openBrowser, screenshot, signIn } from "./browser";

describe("console shell", () => {
  let browser: Browser;
  let accounts: { id: string; name: string }[];

  beforeAll(async () => {
    const api = await ApiSession.signIn();
    accounts = [
      await api.createSandboxAccount(unique("品牌服务号")),
      await api.createSandboxAccount(unique("门店服务号")),
    ];
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows the sign-in page in Chinese to a signed-out visitor", async () => {
    const { page } = browser;
    await page.goto("/");
    await expectText(page.locator("h1"), "登录控制台");
    await screenshot(page, "sign-in-zh");
  });

  it("explains a wrong password in the error shape, with a request id", async () => {
    const { page } = browser;
    await page.locator("#email").fill("owner@example.com");
    await page.locator("#password").fill("not the password");
    await page.locator("form[name=sign-in] button[type=submit]").click();
    const notice = page.locator(".error-notice");
    await expectText(notice, "邮箱或密码不正确");
    await expectText(notice, "invalid_credentials");
    expect(await notice.locator(".error-notice-request code").textContent()).toMatch(/\S{8,}/);
    await screenshot(page, "sign-in-error");
  });

  it("signs in and shows the navigation and the top bar", async () => {
    const { page } = browser;
    await signIn(page);
    await expectText(page.locator(".sidenav"), "API 令牌");
    await expectText(page.locator(".sidenav"), "二维码");
    await screenshot(page, "home-zh");
  });

  it("switches the language to English and back, and remembers it", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "EN" }).click();
    await expectText(page.locator(".sidenav"), "API tokens");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await page.reload();
    await expectText(page.locator(".sidenav"), "API tokens");
    await screenshot(page, "home-en");
    await page.getByRole("button", { name: "中文" }).click();
    await expectText(page.locator(".sidenav"), "API 令牌");
  });

  it("switches the account from the top bar; the URL and a reload follow the choice", async () => {
    const { page } = browser;
    const [, second] = accounts as [{ id: string; name: string }, { id: string; name: string }];
    await page.goto("/");
    await page.locator(".account-switcher").click();
    await screenshot(page, "account-switcher");
    await page.getByRole("menuitem", { name: second.name }).click();
    await expectText(page.getByTestId("current-account"), second.name);
    expect(page.url()).toContain(`/accounts/${second.id}/qrcodes`);

    await page.reload();
    await expectText(page.getByTestId("current-account"), second.name);
    await page.goto("/");
    await page.waitForURL(`**/accounts/${second.id}/qrcodes`);
  });

  it("creates an API token and shows it once", async () => {
    const { page } = browser;
    await page.goto("/settings/tokens");
    await page.getByRole("button", { name: "创建令牌" }).first().click();
    await page.locator("#token-name").fill("CRM 同步");
    await page.locator(".modal-footer .btn-primary").click();
    await expectText(page.locator(".modal"), "令牌已创建");
    const token = await page.locator(".modal .copy-field-value").inputValue();
    expect(token.length).toBeGreaterThan(20);
    await screenshot(page, "token-created");
    await page.locator(".modal-footer .btn-primary").click();
    await expectText(page.locator("table"), "CRM 同步");
    expect(await page.locator("table").textContent()).not.toContain(token);
  });

  it("signs out from the user menu", async () => {
    const { page } = browser;
    await page.locator(".user-trigger").click();
    await page.getByRole("menuitem", { name: "退出登录" }).click();
    await expectText(page.locator("h1"), "登录控制台");
  });
});
