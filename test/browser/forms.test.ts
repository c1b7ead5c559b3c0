import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, expectText, openBrowser, screenshot, signIn } from "./browser";

// Building a form in the console, then filling it in as a fan would: on a
// phone-sized screen, arriving without a token (the sandbox's OAuth stands in
// for WeChat's), first with a wrong mobile, then correctly.
describe("forms: build in the console, submit on a phone", () => {
  let browser: Browser;
  let accountId = "";
  let formUrl = "";

  beforeAll(async () => {
    browser = await openBrowser();
    await signIn(browser.page);
    const res = await browser.context.request.post("/api/accounts", {
      data: { name: "表单测试号", isSandbox: true, messageMode: "plaintext" },
    });
    expect(res.status()).toBe(201);
    accountId = ((await res.json()) as { account: { id: string } }).account.id;
    const tag = await browser.context.request.post("/api/member-tags", {
      data: { name: "春季报名" },
    });
    expect(tag.status()).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("builds a form with email, a choice and a consent, previewed on a phone", async () => {
    const { page } = browser;
    await page.goto(`/accounts/${accountId}/forms`);
    await expectText(page.locator(".empty-state"), "还没有表单");
    await page.locator(".page-actions a.btn-primary").click();
    await page.locator("#form-name").fill("春季活动报名");
    await page.locator("#form-title").fill("春季新品体验会报名");
    await page.locator("button[data-add-field=email]").click();
    await page.locator("button[data-add-field=single_choice]").click();
    const choice = page.locator("[data-testid=form-field][data-type=single_choice]");
    await choice.locator("textarea").fill("上海\n北京\n广州");
    await page.locator("button[data-add-field=consent]").click();
    const consent = page.locator("[data-testid=form-field][data-type=consent]");
    await consent.locator("textarea").fill("我们仅将您的信息用于本次活动联系。");
    await page.getByRole("button", { name: "春季报名" }).click();
    await expectText(page.locator("[data-testid=form-preview]"), "春季新品体验会报名");
    await expectText(page.locator("[data-testid=form-preview]"), "广州");
    await screenshot(page, "form-builder");

    await page.locator("form[name=form-builder] button[type=submit]").click();
    await page.waitForURL(/\/forms\/form_[a-z0-9]+\/edit$/);
    formUrl = await page.locator(".copy-field input").inputValue();
    expect(formUrl).toMatch(/\/f\/form_[a-z0-9]+$/);
  });

  it("is filled in on a 390×844 screen: refused with a clear message, then accepted", async () => {
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(formUrl);
    // The sandbox's authorize page stands in for WeChat's: act as a new visitor.
    expect(new URL(phone.url()).pathname).toBe("/sandbox/wechat/connect/oauth2/authorize");
    await phone.getByRole("link", { name: "A new visitor" }).click();
    await expectText(phone.locator("h1"), "春季新品体验会报名");
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );

    await phone.locator("#name").fill("<b>周杰</b>");
    await phone.locator("#mobile").fill("12345");
    await phone.getByText("广州").click();
    await phone.locator("button[type=submit]").click();
    await expectText(phone.locator("#mobile-error"), "请输入有效的中国大陆手机号");
    await expectText(phone.locator("#consent_1-error"), "请阅读并同意");
    expect(await phone.locator("#name").inputValue()).toBe("<b>周杰</b>");
    await screenshot(phone, "form-phone-errors");

    await phone.locator("#mobile").fill("+86 139 1234 5678");
    await phone.locator("#consent_1").check();
    await phone.locator("button[type=submit]").click();
    await expectText(phone.locator("h1"), "提交成功");
    await screenshot(phone, "form-phone-thanks");
    await phone.close();
  });

  it("shows the new contact with its fan and tag in the console", async () => {
    const { page } = browser;
    await page.goto("/contacts?q=13912345678");
    const row = page.locator("[data-testid=contact-row]");
    await expectText(row, "<b>周杰</b>");
    await row.locator("a").first().click();
    await expectText(page.locator("[data-testid=contact-fans]"), "表单测试号");
    await expectText(page.locator("[data-testid=contact-tags]"), "春季报名");
    await expectText(page.locator("[data-testid=contact-history]"), "创建");
    await screenshot(page, "contact-detail");
  });

  it("counts the submission on the form, its tag and the (empty) conflicts", async () => {
    const { page } = browser;
    await page.goto(`/accounts/${accountId}/forms`);
    const row = page.locator("[data-testid=form-row]");
    await expectText(row, "春季活动报名");
    await row.getByRole("link", { name: "1" }).last().click();
    await expectText(page.locator("[data-testid=submission-row]"), "13912345678");
    await expectText(page.locator("[data-testid=submission-row]"), "新建联系人");
    await page.goto("/member-tags");
    await expectText(page.locator("[data-testid=member-tag-row]"), "春季报名");
    await page.goto("/contacts/conflicts");
    await expectText(page.locator(".empty-state"), "没有待处理的冲突");
    await screenshot(page, "conflicts-empty");
  });
});
