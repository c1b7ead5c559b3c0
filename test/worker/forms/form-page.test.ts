import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contacts, fans, formSubmissions, formViews } from "../../../src/db/schema";
import { signFormLink } from "../../../src/forms/form-link";
import { call, jsonInit, ownerTokenHeaders } from "../helpers";
import {
  createForm,
  db,
  type FormJson,
  formLinkPath,
  formPost,
  insertAccount,
  insertFan,
  insertQrcode,
  openLink,
  SIGNUP_FORM,
} from "./fixtures";

let headers: Record<string, string>;
let accountId: string;
let form: FormJson;

beforeAll(async () => {
  headers = await ownerTokenHeaders();
  accountId = await insertAccount();
  form = await createForm(headers, accountId);
});

const valid = { name: "王小明", mobile: "+86 138 0013 8000", agree: "yes" };

async function submissionsOf(formId: string) {
  return db().select().from(formSubmissions).where(eq(formSubmissions.formId, formId));
}

describe("GET /f/{formId}", () => {
  it("renders the form in Chinese for the fan of a signed link and records the view", async () => {
    const fan = await insertFan(accountId);
    const qr = await insertQrcode(accountId, form.id);
    const { res, html, token } = await openLink(await formLinkPath(form.id, fan.id, accountId, qr));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("text/html");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("春季活动报名");
    expect(html).toContain('type="tel"');
    expect(html).toContain("我们仅将信息用于活动联系。");
    expect(html).not.toContain("<script");
    expect(token).toBeTruthy();
    expect(new TextEncoder().encode(html).byteLength).toBeLessThan(12_000);

    const views = await db().select().from(formViews).where(eq(formViews.formId, form.id));
    expect(views).toEqual([expect.objectContaining({ fanId: fan.id, qrcodeId: qr })]);
  });

  it("answers a page in the form's language for an unknown form", async () => {
    const res = await call("/f/form_nope");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("表单不存在");
  });

  it("sends a WeChat visitor without a token to snsapi_base OAuth with a short state", async () => {
    const res = await call(`/f/${form.id}`, {
      redirect: "manual",
      headers: { "User-Agent": "Mozilla/5.0 (iPhone) MicroMessenger/8.0.50" },
    });
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get("Location") ?? "");
    expect(`${to.origin}${to.pathname}`).toBe(
      "https://open.weixin.qq.com/connect/oauth2/authorize",
    );
    expect(to.hash).toBe("#wechat_redirect");
    expect(to.searchParams.get("scope")).toBe("snsapi_base");
    expect(to.searchParams.get("redirect_uri")).toBe(`${env.PUBLIC_BASE_URL}/f/${form.id}/oauth`);
    expect((to.searchParams.get("state") ?? "").length).toBeLessThan(40);
  });

  it("tells a browser outside WeChat to open the form in WeChat when anonymous answers are off", async () => {
    const res = await call(`/f/${form.id}`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("请在微信中打开");
  });

  it("says the link expired for an expired token", async () => {
    const fan = await insertFan(accountId);
    const old = Date.now() - 8 * 24 * 3600_000;
    const res = await call(await formLinkPath(form.id, fan.id, accountId, null, old));
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("链接已过期");
  });
});

describe("POST /f/{formId}", () => {
  it("stores the submission, creates the contact, links the fan and redirects to the thanks page", async () => {
    const fan = await insertFan(accountId);
    const { token } = await openLink(await formLinkPath(form.id, fan.id, accountId));
    const res = await call(
      `/f/${form.id}`,
      formPost({ ...valid, _t: token ?? "", topics: ["新品", "会员"] }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/f/${form.id}/thanks`);
    const thanks = await call(res.headers.get("Location") ?? "");
    expect(await thanks.text()).toContain("感谢您的提交");

    const [contact] = await db().select().from(contacts).where(eq(contacts.mobile, "13800138000"));
    expect(contact).toMatchObject({
      name: "王小明",
      fields: { topics: ["新品", "会员"], agree: true },
    });
    const [linked] = await db().select().from(fans).where(eq(fans.id, fan.id));
    expect(linked?.contactId).toBe(contact?.id);
  });

  it("re-renders with every error named, the values kept and script tags escaped, storing nothing", async () => {
    const fan = await insertFan(accountId);
    const { token } = await openLink(await formLinkPath(form.id, fan.id, accountId));
    const before = (await submissionsOf(form.id)).length;
    const hostile = "<script>alert(1)</script>";
    const res = await call(
      `/f/${form.id}`,
      formPost({
        _t: token ?? "",
        name: hostile,
        mobile: "12345",
        email: "x@",
        city: "广州",
        birthday: "2024-02-30",
      }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).not.toContain(hostile);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    for (const message of [
      "有效的中国大陆手机号",
      "有效的邮箱地址",
      "请从列出的选项中选择",
      "有效的日期",
      "请阅读并同意",
    ]) {
      expect(html).toContain(message);
    }
    expect(html).toContain(`value="${token}"`);
    expect(await submissionsOf(form.id)).toHaveLength(before);
  });

  it.each([
    ["13800138000", "13800138000"],
    ["+86 139-0000-1111", "13900001111"],
    ["8615000002222", "15000002222"],
  ])("accepts the mainland mobile %s as %s", async (typed, stored) => {
    const fan = await insertFan(accountId);
    const { token } = await openLink(await formLinkPath(form.id, fan.id, accountId));
    const res = await call(`/f/${form.id}`, formPost({ ...valid, mobile: typed, _t: token ?? "" }));
    expect(res.status).toBe(303);
    const [c] = await db().select().from(contacts).where(eq(contacts.mobile, stored));
    expect(c).toBeDefined();
  });

  it.each(["12800138000", "1380013800", "+1 415 555 0100", "138001380001"])(
    "refuses %s as a mainland mobile",
    async (typed) => {
      const fan = await insertFan(accountId);
      const { token } = await openLink(await formLinkPath(form.id, fan.id, accountId));
      const res = await call(
        `/f/${form.id}`,
        formPost({ ...valid, mobile: typed, _t: token ?? "" }),
      );
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("有效的中国大陆手机号");
    },
  );

  it("refuses a body over 16 KB with a 413 page and stores nothing", async () => {
    const fan = await insertFan(accountId);
    const { token } = await openLink(await formLinkPath(form.id, fan.id, accountId));
    const before = (await submissionsOf(form.id)).length;
    const res = await call(
      `/f/${form.id}`,
      formPost({ ...valid, _t: token ?? "", note: "长".repeat(6000) }),
    );
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("超出了大小限制");
    expect(await submissionsOf(form.id)).toHaveLength(before);
  });

  it("cuts off a streamed body without a length once it passes 16 KB", async () => {
    const chunk = new TextEncoder().encode(`note=${"x".repeat(4000)}`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 10) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await call(`/f/${form.id}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body,
    });
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(10);
  });

  it("refuses a body that is not a form post", async () => {
    const res = await call(`/f/${form.id}`, jsonInit("POST", valid));
    expect(res.status).toBe(415);
  });

  it.each([
    [
      "forged",
      async (fanId: string) =>
        (
          await signFormLink(
            { ...env, SIGNING_KEY: "another-key" },
            { formId: form.id, fanId, accountId, qrcodeId: null },
          )
        ).split("t=")[1] ?? "",
    ],
    [
      "expired",
      async (fanId: string) =>
        (await formLinkPath(form.id, fanId, accountId, null, Date.now() - 8 * 24 * 3600_000)).split(
          "t=",
        )[1] ?? "",
    ],
    [
      "for another form",
      async (fanId: string) =>
        (await formLinkPath("form_other", fanId, accountId)).split("t=")[1] ?? "",
    ],
  ])("does not link the fan of a %s token", async (_kind, mint) => {
    const fan = await insertFan(accountId);
    const token = await mint(fan.id);
    const res = await call(
      `/f/${form.id}`,
      formPost({ ...valid, mobile: "13700000001", _t: token }),
    );
    expect(res.status).toBe(403);
    const [stillAlone] = await db().select().from(fans).where(eq(fans.id, fan.id));
    expect(stillAlone?.contactId).toBeNull();
    expect(
      await db().select().from(contacts).where(eq(contacts.mobile, "13700000001")),
    ).toHaveLength(0);
  });

  it("stores an anonymous submission without linking anyone when the form allows it", async () => {
    const anon = await createForm(headers, accountId, { ...SIGNUP_FORM, allowAnonymous: true });
    const page = await call(`/f/${anon.id}`);
    expect(page.status).toBe(200);
    const fan = await insertFan(accountId);
    const forged = `${(await formLinkPath(anon.id, fan.id, accountId)).split("t=")[1]}x`;
    const res = await call(
      `/f/${anon.id}`,
      formPost({ ...valid, mobile: "13700000002", _t: forged }),
    );
    expect(res.status).toBe(303);
    const [sub] = await submissionsOf(anon.id);
    expect(sub).toMatchObject({ outcome: "anonymous", fanId: null });
    expect(sub?.contactId).toBeTruthy();
    const [f] = await db().select().from(fans).where(eq(fans.id, fan.id));
    expect(f?.contactId).toBeNull();
  });

  it("redirects to the form's https redirect URL after a submission", async () => {
    const redirecting = await createForm(headers, accountId, {
      ...SIGNUP_FORM,
      redirectUrl: "https://shop.example.cn/welcome",
    });
    const fan = await insertFan(accountId);
    const { res: page, token } = await openLink(
      await formLinkPath(redirecting.id, fan.id, accountId),
    );
    expect(page.headers.get("Content-Security-Policy")).toContain(
      "form-action 'self' https://shop.example.cn",
    );
    const res = await call(
      `/f/${redirecting.id}`,
      formPost({ ...valid, mobile: "13700000003", _t: token ?? "" }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("https://shop.example.cn/welcome");
  });
});

describe("POST /f/{formId} throttling", () => {
  it("refuses a fan past 5 submissions a minute with 429 and Retry-After", async () => {
    const fan = await insertFan(accountId);
    const { token } = await openLink(await formLinkPath(form.id, fan.id, accountId));
    const statuses: number[] = [];
    // Eleven posts: whatever minute boundary they straddle, one fixed window sees six.
    for (let i = 0; i < 11; i++) {
      const res = await call(
        `/f/${form.id}`,
        formPost({ ...valid, mobile: "13600000000", _t: token ?? "" }),
      );
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5)).toEqual([303, 303, 303, 303, 303]);
    expect(statuses).toContain(429);
    const last = await call(`/f/${form.id}`, formPost({ ...valid, _t: token ?? "" }));
    expect(last.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(await last.text()).toContain("请稍等一分钟");
  });

  it("refuses an address past 30 attempts a minute, whoever the fan", async () => {
    const ip = { "CF-Connecting-IP": "203.0.113.9" };
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      const res = await call(`/f/${form.id}`, formPost({ mobile: "bad", _t: "x" }, ip));
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 30)).not.toContain(429);
    expect(statuses).toContain(429);
  });
});
