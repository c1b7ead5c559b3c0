import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiSession, unique } from "./api";
import { type Browser, expectText, openBrowser, screenshot, signIn } from "./browser";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("QR code pages", () => {
  let browser: Browser;
  let account: { id: string; name: string };
  let codePath = "";

  beforeAll(async () => {
    const api = await ApiSession.signIn();
    account = await api.createSandboxAccount(unique("二维码测试号"));
    browser = await openBrowser();
    await signIn(browser.page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows an empty list with the next steps", async () => {
    const { page } = browser;
    await page.goto(`/accounts/${account.id}/qrcodes`);
    await expectText(page.locator(".empty-state"), "还没有二维码");
    await screenshot(page, "qrcodes-empty");
  });

  it("creates a temporary code with a two-message reply and opens its page", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "新建二维码" }).first().click();
    await page.locator("#qr-name").fill("春季活动_上海_静安门店");
    await page.locator(".reply-add .btn").click();
    await page.getByRole("menuitem", { name: "文字", exact: true }).click();
    await page
      .locator(".reply-card textarea")
      .fill('欢迎光临！<a href="https://example.com">领取新人礼</a>');
    await page.locator(".reply-add .btn").click();
    await page.getByRole("menuitem", { name: "图文", exact: true }).click();
    const news = page.getByTestId("reply-card").nth(1);
    await news.locator("input").nth(0).fill("春季新品");
    await news.locator("input").nth(2).fill("https://example.com/spring");
    await expectText(page.getByTestId("phone-preview"), "领取新人礼");
    await screenshot(page, "qrcode-create");

    await page.locator("form[name=qrcode] button[type=submit]").click();
    await page.waitForURL(/\/qrcodes\/qr_[^/]+$/);
    codePath = new URL(page.url()).pathname;
    await expectText(page.locator("h1"), "春季活动_上海_静安门店");
    const image = page.getByTestId("qr-image");
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
  });

  it("refuses a fifth reply message and says why", async () => {
    const { page } = browser;
    await page.goto(`/accounts/${account.id}/qrcodes/new`);
    for (let i = 0; i < 4; i++) {
      await page.locator(".reply-add .btn").click();
      await page.getByRole("menuitem", { name: "文字", exact: true }).click();
    }
    expect(await page.locator(".reply-add .btn").isDisabled()).toBe(true);
    await expectText(page.getByTestId("reply-cap"), "3 条客服消息");
    expect(await page.getByTestId("reply-card").count()).toBe(4);
    await screenshot(page, "reply-cap");
  });

  it("counts a simulated scan on the code's page", async () => {
    const { page } = browser;
    await page.goto(codePath);
    const scanners = page.locator(".kpi-scanners .kpi-value");
    await expectText(scanners, "0");
    await page.getByTestId("simulate-card").getByRole("button", { name: "模拟" }).click();
    await expectText(page.getByTestId("simulate-result"), "欢迎光临");
    await expectText(scanners, "1");
    await expect.poll(() => page.getByTestId("fan-row").count()).toBe(1);
    await screenshot(page, "qrcode-detail");
  });

  it("downloads the code as a PNG at a print size", async () => {
    const { page } = browser;
    await page.locator("#download-size").selectOption("cm-8");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-image").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const size = pngSize(await readFile(await download.path()));
    expect(size.width).toBe(945);
  });

  it("lists the code with its numbers and filters by status through the URL", async () => {
    const { page } = browser;
    await page.goto(`/accounts/${account.id}/qrcodes`);
    await expect.poll(() => page.getByTestId("qr-row").count()).toBe(1);
    await expectText(page.getByTestId("qr-row"), "春季活动_上海_静安门店");
    await screenshot(page, "qrcodes-list");
    await page.getByRole("tab", { name: "已归档" }).click();
    await page.waitForURL(/status=archived/);
    await expectText(page.locator(".empty-state"), "没有符合条件的二维码");
  });
});
