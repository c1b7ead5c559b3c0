import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unique } from "./api";
import { type Browser, expectText, openBrowser, screenshot, signIn } from "./browser";

describe("accounts pages", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
    await signIn(browser.page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("adds a sandbox account and shows the webhook URL to paste into WeChat", async () => {
    const { page } = browser;
    const name = unique("测试沙箱号");
    await page.goto("/accounts/new");
    await page.getByRole("button", { name: "沙箱" }).click();
    await page.locator("#account-name").fill(name);
    await screenshot(page, "account-new");
    await page.locator("form[name=account] button[type=submit]").click();

    await page.waitForURL(/\/accounts\/acc_[^/]+\/settings$/);
    const id = /\/accounts\/(acc_[^/]+)\//.exec(page.url())?.[1];
    const url = (await page.getByTestId("copy-value").first().textContent())?.trim();
    expect(url).toBe(`${new URL(page.url()).origin}/wechat/${id}`);
    await expectText(page.getByTestId("current-account"), name);
  });

  it("runs the connection check and says the result in words", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "检测连接" }).click();
    await page.getByTestId("check-result").waitFor();
    expect((await page.getByTestId("check-result").textContent())?.trim().length).toBeGreaterThan(
      2,
    );
    await screenshot(page, "account-settings");
  });

  it("lists the account with its kind", async () => {
    const { page } = browser;
    await page.goto("/accounts");
    await expectText(page.locator("table"), "沙箱");
    await screenshot(page, "accounts");
  });
});
