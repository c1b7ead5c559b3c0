import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  contactConflicts,
  contactMemberTags,
  fans,
  formSubmissions,
  formViews,
  pendingMemberTags,
} from "../../../src/db/schema";
import { FORM_LINK_TTL_SECONDS, signFormToken } from "../../../src/forms/form-link";
import { addDays, dayInZone } from "../../../src/stats/zoned-day";
import { contactByMobile } from "../contacts/submit";
import { createSandboxAccount } from "../factories/accounts";
import { createUserWithToken } from "../factories/users";
import { call, jsonInit } from "../helpers";
import { createForm, db, formPost, insertMemberTag, openLink, SIGNUP_FORM } from "./fixtures";

type Delivery = { openid: string; answer: { kind: string; xml?: string } };

/** Scans the code in the sandbox and returns the fan's openid and the form link of the reply. */
async function scanForLink(
  headers: Record<string, string>,
  accountId: string,
  scene: string,
  openid?: string,
) {
  const res = await call(
    `/api/accounts/${accountId}/sandbox/scans`,
    jsonInit("POST", { scene, kind: "scan", ...(openid ? { openid } : {}) }, headers),
  );
  expect(res.status).toBe(200);
  const [delivery] = ((await res.json()) as { deliveries: Delivery[] }).deliveries;
  expect(delivery?.answer.kind).toBe("reply");
  const link = /https?:\/\/[^<\]"]+\/f\/[^<\]"]+/.exec(delivery?.answer.xml ?? "")?.[0] ?? "";
  expect(link).toContain(`${env.PUBLIC_BASE_URL}/f/`);
  const url = new URL(link.replaceAll("&amp;", "&"));
  return { openid: delivery?.openid ?? "", path: `${url.pathname}${url.search}` };
}

async function fanOf(accountId: string, openid: string) {
  const [fan] = await db()
    .select()
    .from(fans)
    .where(and(eq(fans.accountId, accountId), eq(fans.openid, openid)));
  return fan;
}

async function submitLink(path: string, values: Record<string, string>) {
  const { res, token } = await openLink(path);
  expect(res.status).toBe(200);
  const formId = path.split("/")[2]?.split("?")[0] ?? "";
  return call(`/f/${formId}`, formPost({ ...values, _t: token ?? "" }));
}

/** The code's member tags arrive through the after_scan queue job; wait for them to land. */
async function waitForScanTags(fanId: string, contactId: string, tagId: string) {
  for (let i = 0; i < 40; i++) {
    const pending = await db()
      .select()
      .from(pendingMemberTags)
      .where(eq(pendingMemberTags.fanId, fanId));
    const onContact = await db()
      .select()
      .from(contactMemberTags)
      .where(
        and(eq(contactMemberTags.contactId, contactId), eq(contactMemberTags.memberTagId, tagId)),
      );
    if (pending.length || onContact.length)
      return { pending: pending.length, onContact: onContact.length };
    await new Promise((r) => setTimeout(r, 100));
  }
  return { pending: 0, onContact: 0 };
}

describe("from a scan to a known customer, through the sandbox", () => {
  it("links the scanning fan to a contact, merges a second fan by mobile, and flags a conflict", async () => {
    const { headers } = await createUserWithToken("owner");
    const account = await createSandboxAccount(headers, { messageMode: "safe" });
    const formTag = await insertMemberTag("春季活动");
    const managerTag = await insertMemberTag("经理-张伟");
    const form = await createForm(headers, account.id, { ...SIGNUP_FORM, memberTagIds: [formTag] });
    const made = await call(
      `/api/accounts/${account.id}/qrcodes`,
      jsonInit(
        "POST",
        {
          name: "张伟的活动码",
          kind: "permanent",
          formId: form.id,
          memberTagIds: [managerTag],
          reply: [{ type: "form", title: "春季活动报名", description: "填写信息完成报名" }],
        },
        headers,
      ),
    );
    expect(made.status).toBe(201);
    const { qrcode } = (await made.json()) as { qrcode: { id: string; scene: string } };

    const first = await scanForLink(headers, account.id, qrcode.scene);
    const firstFan = await fanOf(account.id, first.openid);
    expect(
      (await submitLink(first.path, { name: "刘洋", mobile: "13655550001", agree: "yes" })).status,
    ).toBe(303);
    const contact = await contactByMobile("13655550001");
    expect(contact).toMatchObject({ name: "刘洋", sourceQrcodeId: qrcode.id });
    expect((await fanOf(account.id, first.openid))?.contactId).toBe(contact?.id);
    const tags = await db()
      .select()
      .from(contactMemberTags)
      .where(eq(contactMemberTags.contactId, contact?.id ?? ""));
    expect(tags.map((t) => t.memberTagId)).toContain(formTag);
    // The code's own member tag reaches the contact, before (pending) or after the submission.
    const scanTags = await waitForScanTags(firstFan?.id ?? "", contact?.id ?? "", managerTag);
    expect(scanTags.pending + scanTags.onContact).toBeGreaterThan(0);

    const second = await scanForLink(headers, account.id, qrcode.scene);
    expect(
      (await submitLink(second.path, { name: "刘洋", mobile: "136 5555 0001", agree: "yes" }))
        .status,
    ).toBe(303);
    expect((await fanOf(account.id, second.openid))?.contactId).toBe(contact?.id);

    const third = await scanForLink(headers, account.id, qrcode.scene);
    await submitLink(third.path, { name: "王强", mobile: "13655550002", agree: "yes" });
    const again = await scanForLink(headers, account.id, qrcode.scene, third.openid);
    expect(
      (await submitLink(again.path, { name: "王强", mobile: "13655550001", agree: "yes" })).status,
    ).toBe(303);
    const thirdFan = await fanOf(account.id, third.openid);
    expect(thirdFan?.contactId).toBe((await contactByMobile("13655550002"))?.id);
    const [conflict] = await db()
      .select()
      .from(contactConflicts)
      .where(eq(contactConflicts.fanId, thirdFan?.id ?? ""));
    expect(conflict).toMatchObject({ status: "open", otherContactId: contact?.id });

    const stats = await call(`/api/accounts/${account.id}/qrcodes/${qrcode.id}/form-stats`, {
      headers,
    });
    expect(((await stats.json()) as { numbers: unknown }).numbers).toEqual({
      opened: 4,
      submitted: 4,
      matched: 2,
    });

    // The same days as the code's statistics, in the account's zone.
    const today = dayInZone(Date.now(), "Asia/Shanghai");
    const formStats = async (query: string) => {
      const path = `/api/accounts/${account.id}/qrcodes/${qrcode.id}/form-stats?${query}`;
      const res = await call(path, { headers });
      return { status: res.status, body: (await res.json()) as { numbers: unknown } };
    };
    expect((await formStats(`from=${today}&to=${today}`)).body.numbers).toMatchObject({
      opened: 4,
    });
    const tomorrow = addDays(today, 1);
    expect((await formStats(`from=${tomorrow}`)).body.numbers).toEqual({
      opened: 0,
      submitted: 0,
      matched: 0,
    });
    expect((await formStats(`from=${tomorrow}&to=${today}`)).status).toBe(400);
  });
});

describe("GET /f/{formId} without a token, on a sandbox account", () => {
  it("learns the fan through the sandbox's snsapi_base OAuth and links that fan on submission", async () => {
    const { headers } = await createUserWithToken("owner");
    const account = await createSandboxAccount(headers, { messageMode: "plaintext" });
    const form = await createForm(headers, account.id);

    const start = await call(`/f/${form.id}`, { redirect: "manual" });
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get("Location") ?? "");
    expect(authorize.pathname).toBe("/sandbox/wechat/connect/oauth2/authorize");
    expect(authorize.searchParams.get("scope")).toBe("snsapi_base");
    authorize.searchParams.set("openid", "o_oauth_visitor_0001");
    const back = await call(`${authorize.pathname}${authorize.search}`, { redirect: "manual" });
    expect(back.status).toBe(302);
    const callback = new URL(back.headers.get("Location") ?? "");
    expect(callback.pathname).toBe(`/f/${form.id}/oauth`);

    const withToken = await call(`${callback.pathname}${callback.search}`, { redirect: "manual" });
    expect(withToken.status).toBe(302);
    const pagePath = withToken.headers.get("Location") ?? "";
    expect(pagePath).toMatch(new RegExp(`^/f/${form.id}\\?t=`));
    expect(
      (await submitLink(pagePath, { name: "访客", mobile: "13655550009", agree: "yes" })).status,
    ).toBe(303);
    const fan = await fanOf(account.id, "o_oauth_visitor_0001");
    expect(fan?.contactId).toBe((await contactByMobile("13655550009"))?.id);

    const replayed = await call(`${callback.pathname}${callback.search}`, { redirect: "manual" });
    expect(replayed.status).toBe(403);
    const forged = await call(`/f/${form.id}/oauth?code=abc&state=1.forged`, {
      redirect: "manual",
    });
    expect(forged.status).toBe(400);
  });
});

/** Follows the sandbox's authorize page as the given openid; answers the page path with a token. */
async function throughSandboxOAuth(start: Response, openid: string) {
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get("Location") ?? "");
  authorize.searchParams.set("openid", openid);
  const back = await call(`${authorize.pathname}${authorize.search}`, { redirect: "manual" });
  const callback = new URL(back.headers.get("Location") ?? "");
  const withToken = await call(`${callback.pathname}${callback.search}`, { redirect: "manual" });
  expect(withToken.status).toBe(302);
  return {
    state: authorize.searchParams.get("state") ?? "",
    page: withToken.headers.get("Location") ?? "",
  };
}

describe("GET /f/{formId} with an expired link from a code's reply", () => {
  it("learns the fan by OAuth and still credits the code that sent the link", async () => {
    const { headers } = await createUserWithToken("owner");
    const account = await createSandboxAccount(headers, { messageMode: "plaintext" });
    const form = await createForm(headers, account.id);
    const made = await call(
      `/api/accounts/${account.id}/qrcodes`,
      jsonInit("POST", { name: "过期链接码", kind: "permanent", formId: form.id }, headers),
    );
    const { qrcode } = (await made.json()) as { qrcode: { id: string } };
    const longAgo = Date.now() - (FORM_LINK_TTL_SECONDS + 3600) * 1000;
    const expired = await signFormToken(
      env.SIGNING_KEY,
      { formId: form.id, fanId: "fan_gone", qrcodeId: qrcode.id, accountId: account.id },
      longAgo,
    );

    const start = await call(`/f/${form.id}?t=${expired}`, { redirect: "manual" });
    const { state, page } = await throughSandboxOAuth(start, "o_expired_link_visitor");
    expect(state).toContain(`.${qrcode.id}.`);
    expect(
      (await submitLink(page, { name: "迟到", mobile: "13655550077", agree: "yes" })).status,
    ).toBe(303);

    const [submission] = await db()
      .select()
      .from(formSubmissions)
      .where(eq(formSubmissions.formId, form.id));
    expect(submission?.qrcodeId).toBe(qrcode.id);
    const fan = await fanOf(account.id, "o_expired_link_visitor");
    expect(submission?.fanId).toBe(fan?.id);
    const views = await db().select().from(formViews).where(eq(formViews.formId, form.id));
    expect(views.map((v) => v.qrcodeId)).toEqual([qrcode.id]);
  });

  it("refuses a state whose code was swapped for another", async () => {
    const { headers } = await createUserWithToken("owner");
    const account = await createSandboxAccount(headers, { messageMode: "plaintext" });
    const form = await createForm(headers, account.id);
    const start = await call(`/f/${form.id}`, { redirect: "manual" });
    const authorize = new URL(start.headers.get("Location") ?? "");
    const [exp, , mac] = (authorize.searchParams.get("state") ?? "").split(".");
    const swapped = `${exp}.qr_someothercode.${mac}`;
    const res = await call(`/f/${form.id}/oauth?code=abc&state=${swapped}`, { redirect: "manual" });
    expect(res.status).toBe(400);
  });
});
