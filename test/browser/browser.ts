// Debian's Chromium driven by playwright-core, each test file with a fresh
// profile so no cookie or localStorage leaks from one run into the next.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const SCREENSHOT_DIR = join("test-results", "screenshots");

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type Browser = { context: BrowserContext; page: Page; close: () => Promise<void> };

export async function openBrowser(options: { locale?: string } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "qr-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    headless: true,
    baseURL: inject("baseUrl"),
    viewport: { width: 1440, height: 900 },
    locale: options.locale ?? "zh-CN",
    timezoneId: "Asia/Shanghai",
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The whole page at the desktop width. The viewport grows to the page's height
 * instead of stitching a full-page capture, so the sticky navigation and top
 * bar sit where an operator sees them.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // Loading placeholders are not what a reviewer should look at; give data a moment to arrive.
  await page
    .waitForFunction(() => !document.querySelector(".skeleton, .loading-block"), null, {
      timeout: 5000,
    })
    .catch(() => {});
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({
    width: viewport.width,
    height: Math.min(Math.max(height, viewport.height), 4000),
  });
  await page.waitForTimeout(150);
  await page.screenshot({ path });
  await page.setViewportSize(viewport);
  return path;
}

/** Signs in through the form, as an operator would, and waits for the console. */
export async function signIn(page: Page): Promise<void> {
  await page.goto("/");
  await page.locator("#email").fill(inject("adminEmail"));
  await page.locator("#password").fill(inject("adminPassword"));
  await page.locator("form[name=sign-in] button[type=submit]").click();
  await page.locator(".topbar").waitFor();
}

/** Waits until the element's visible text contains `text` (vitest has no locator matchers). */
export async function expectText(locator: Locator, text: string, timeout = 10_000): Promise<void> {
  await expect
    .poll(
      async () =>
        (await locator.count()) > 0 ? ((await locator.first().textContent()) ?? "") : "",
      {
        timeout,
      },
    )
    .toContain(text);
}
