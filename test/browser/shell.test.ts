import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, expectText, openBrowser, screenshot, signIn } from "./browser";

describe("console shell", () => {
  let browser: Browser;
  beforeAll(async () => {
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
    await screenshot(page, "sign-in-error");
  });

  it("signs in and shows the navigation and the top bar", async () => {
    const { page } = browser;
    await signIn(page);
    await expectText(page.locator(".sidenav"), "API 令牌");
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

  it("creates an API token and shows it once", async () => {
    const { page } = browser;
    await page.goto("/settings/tokens");
    await page.getByRole("button", { name: "创建令牌" }).first().click();
    await page.locator("#token-name").fill("CRM 同步");
    await page.locator(".modal-footer .btn-primary").click();
    await expectText(page.locator(".modal"), "令牌已创建");
    await screenshot(page, "token-created");
    await page.locator(".modal-footer .btn-primary").click();
    await expectText(page.locator("table"), "CRM 同步");
    await screenshot(page, "tokens");
  });

  it("signs out from the user menu", async () => {
    const { page } = browser;
    await page.locator(".user-trigger").click();
    await page.getByRole("menuitem", { name: "退出登录" }).click();
    await expectText(page.locator("h1"), "登录控制台");
  });
});
