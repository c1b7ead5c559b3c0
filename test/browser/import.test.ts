import { readFile } from "node:fs/promises";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiSession, unique } from "./api";
import { type Browser, expectText, openBrowser, screenshot, signIn } from "./browser";

// Five good names, one empty row, one repeat of row 2; the BOM marks UTF-8 as Excel writes it.
const NAMES = [
  "门店_杭州_西湖店",
  "门店_杭州_滨江店",
  "门店_宁波_天一店",
  "展会_A1展位",
  "包装_新品",
];
const CSV = `\uFEFF名称,分组\n${NAMES.map((n) => `${n},杭州门店`).join("\n")}\n,杭州门店\n${NAMES[0]},杭州门店\n`;

describe("batch creation and download", () => {
  let browser: Browser;
  let account: { id: string };

  beforeAll(async () => {
    const api = await ApiSession.signIn();
    account = await api.createSandboxAccount(unique("批量测试号"));
    browser = await openBrowser();
    await signIn(browser.page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("previews a names file and marks the bad rows", async () => {
    const { page } = browser;
    await page.goto(`/accounts/${account.id}/qrcodes/import`);
    await screenshot(page, "import-upload");
    await page.locator("input[type=file]").setInputFiles({
      name: "门店名单.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(CSV, "utf8"),
    });
    const preview = page.getByTestId("import-preview");
    await expectText(preview, "共 7 行，2 行有问题");
    await expectText(preview.locator("tr.row-error"), "名称为空");
    await expectText(preview.locator("tr.row-warning"), "与第 2 行重复");
    await screenshot(page, "import-preview");
  });

  it("creates the good rows in a job and reports the bad one", async () => {
    const { page } = browser;
    await page.getByTestId("import-confirm").click();
    await page
      .locator("[data-testid=job-watch][data-status=succeeded]")
      .waitFor({ timeout: 60_000 });
    await expectText(page.getByTestId("import-run"), `已创建 ${NAMES.length} 个`);
    await screenshot(page, "import-done");

    await page.getByRole("link", { name: "查看二维码" }).click();
    await expect.poll(() => page.getByTestId("qr-row").count()).toBe(NAMES.length);
  });

  it("downloads the selected codes as a ZIP with one image each and a manifest", async () => {
    const { page } = browser;
    await page.locator("thead .checkbox").check();
    await expectText(page.getByTestId("bulk-bar"), `已选 ${NAMES.length} 项`);
    await page.getByTestId("bulk-bar").getByRole("button", { name: "批量下载" }).click();
    await page.locator(".modal-footer .btn-primary").click();
    const link = page.getByTestId("job-download");
    await link.waitFor({ timeout: 60_000 });
    await screenshot(page, "bulk-download");

    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const files = Object.keys(unzipSync(new Uint8Array(await readFile(await download.path()))));
    expect(files.filter((f) => f.endsWith(".png"))).toHaveLength(NAMES.length);
    expect(files.some((f) => f.endsWith(".csv"))).toBe(true);
  });
});
