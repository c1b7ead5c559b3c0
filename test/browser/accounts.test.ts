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

  it("generates a Token and an EncodingAESKey for a live account, shown in clear to copy", async () => {
    const { page } = browser;
    await page.goto("/accounts/new");
    const token = page.locator("#account-token");
    const aesKey = page.locator("#account-encodingAesKey");
    expect(await token.getAttribute("type")).toBe("password");
    const generate = page.getByRole("button", { name: "随机生成" });
    await generate.first().click();
    await generate.last().click();
    expect(await token.getAttribute("type")).toBe("text");
    expect(await token.inputValue()).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(await aesKey.inputValue()).toMatch(/^[A-Za-z0-9]{43}$/);
    // A sandbox account's secrets are made by the server: nothing to generate.
    await page.getByRole("button", { name: "沙箱" }).click();
    expect(await generate.count()).toBe(0);
  });

  it("lists the account with its kind", async () => {
    const { page } = browser;
    await page.goto("/accounts");
    await expectText(page.locator("table"), "沙箱");
    await screenshot(page, "accounts");
  });
});
