import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiSession, unique } from "./api";
import { type Browser, expectText, openBrowser, screenshot, signIn } from "./browser";

const TAGGING = "/cgi-bin/tags/members/batchtagging";

type Failures = { failures: { id: string }[] };
type SandboxFans = { fans: { openid: string; tagIds: number[] }[] };

describe("fan tags not applied on a code's page", () => {
  let browser: Browser;
  let api: ApiSession;
  let account: { id: string };
  let code: { id: string; scene: string };
  let tag: { id: number; name: string };

  beforeAll(async () => {
    api = await ApiSession.signIn();
    account = await api.createSandboxAccount(unique("标签失败测试号"));
    ({ tag } = await api.call<{ tag: typeof tag }>("POST", `/api/accounts/${account.id}/fan-tags`, {
      name: "展会重试",
    }));
    code = await api.createCode(account.id, {
      kind: "permanent",
      name: "展会_标签重试",
      fanTagIds: [tag.id],
    });
    // WeChat refuses the batch and then the fan alone: one failure row, and then no more faults.
    await api.call("POST", `/api/accounts/${account.id}/sandbox/faults`, {
      path: TAGGING,
      errcode: 45059,
      times: 2,
    });
    await api.call("POST", `/api/accounts/${account.id}/sandbox/scans`, {
      scans: [{ scene: code.scene }],
    });
    browser = await openBrowser();
    await signIn(browser.page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function failuresOfCode() {
    const path = `/api/accounts/${account.id}/qrcodes/${code.id}/tag-failures`;
    return (await api.call<Failures>("GET", path)).failures;
  }

  it("lists the failure with the tag's name and the reason, and a retry applies it", async () => {
    const { page } = browser;
    await expect
      .poll(async () => (await failuresOfCode()).length, { timeout: 30_000, interval: 500 })
      .toBe(1);
    await page.goto(`/accounts/${account.id}/qrcodes/${code.id}`);
    const card = page.getByTestId("tag-failures-card");
    await expectText(card, "粉丝标签未打上");
    await expectText(card, tag.name);
    await expectText(card, "该粉丝已有 20 个标签");
    await screenshot(page, "qrcode-tag-failures");

    await card.getByRole("button", { name: "重试" }).click();
    await card.waitFor({ state: "detached" });
    await expect
      .poll(
        async () => {
          const { fans } = await api.call<SandboxFans>(
            "GET",
            `/api/accounts/${account.id}/sandbox/fans`,
          );
          return fans.some((f) => f.tagIds.includes(tag.id));
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    expect(await failuresOfCode()).toEqual([]);
  });
});
