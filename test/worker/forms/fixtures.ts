import { env } from "cloudflare:workers";
import { getDb } from "../../../src/db/client";
import { accounts, fans, memberTags, qrcodes } from "../../../src/db/schema";
import { signFormLink } from "../../../src/forms/form-link";
import { call, jsonInit } from "../helpers";

export const db = () => getDb(env.DB);

let seq = 0;
const unique = (prefix: string) => `${prefix}_${Date.now().toString(36)}${(seq++).toString(36)}`;

export async function insertAccount(options: { isSandbox?: boolean } = {}) {
  const now = Date.now();
  const id = unique("acc");
  await db()
    .insert(accounts)
    .values({
      id,
      name: `Account ${id}`,
      appId: `wx${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`,
      isSandbox: options.isSandbox ?? false,
      createdAt: now,
      updatedAt: now,
    });
  return id;
}

export async function insertFan(
  accountId: string,
  overrides: Partial<typeof fans.$inferInsert> = {},
) {
  const now = Date.now();
  const row = {
    id: unique("fan"),
    accountId,
    openid: `o${crypto.randomUUID().replaceAll("-", "").slice(0, 27)}`,
    following: true,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
  await db().insert(fans).values(row);
  return row;
}

export async function insertMemberTag(name: string) {
  const now = Date.now();
  const id = unique("mt");
  await db().insert(memberTags).values({ id, name, createdAt: now, updatedAt: now });
  return id;
}

export async function insertQrcode(accountId: string, formId: string | null = null) {
  const now = Date.now();
  const id = unique("qr");
  await db()
    .insert(qrcodes)
    .values({
      id,
      accountId,
      name: `Code ${id}`,
      kind: "permanent",
      scene: id,
      actionName: "QR_LIMIT_STR_SCENE",
      liveToken: unique("live"),
      formId,
      createdAt: now,
      updatedAt: now,
    });
  return id;
}

export const SIGNUP_FORM = {
  name: "Spring sign-up",
  title: "春季活动报名",
  fields: [
    { id: "name", type: "name", label: "姓名", required: true },
    { id: "mobile", type: "mobile", label: "手机号" },
    { id: "email", type: "email", label: "邮箱" },
    { id: "city", type: "single_choice", label: "城市", options: ["上海", "北京"] },
    { id: "topics", type: "multiple_choice", label: "兴趣", options: ["新品", "活动", "会员"] },
    { id: "note", type: "text", label: "备注", multiline: true },
    { id: "birthday", type: "date", label: "生日" },
    { id: "agree", type: "consent", label: "我同意", privacyText: "我们仅将信息用于活动联系。" },
  ],
  keyField: "mobile",
};

export type FormJson = { id: string; pagePath: string; fields: { id: string }[] };

export async function createForm(
  headers: Record<string, string>,
  accountId: string,
  body: Record<string, unknown> = SIGNUP_FORM,
): Promise<FormJson> {
  const res = await call(`/api/accounts/${accountId}/forms`, jsonInit("POST", body, headers));
  if (res.status !== 201) throw new Error(`form create failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { form: FormJson }).form;
}

/** The path and query of a signed form link, as a scan reply would carry it. */
export async function formLinkPath(
  formId: string,
  fanId: string,
  accountId: string,
  qrcodeId: string | null = null,
  nowMs = Date.now(),
) {
  const url = new URL(await signFormLink(env, { formId, fanId, accountId, qrcodeId }, nowMs));
  return `${url.pathname}${url.search}`;
}

export function formPost(
  values: Record<string, string | string[]>,
  headers: Record<string, string> = {},
): RequestInit {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  }
  return {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      // A fresh address per post unless a test sets one, so the per-address limit stays out of the way.
      "CF-Connecting-IP": `10.0.${seq % 250}.${seq++ % 250}`,
      ...headers,
    },
    body: body.toString(),
    redirect: "manual",
  };
}

/** Opens a signed link and returns the token the page carries into its POST. */
export async function openLink(path: string) {
  const res = await call(path, { redirect: "manual" });
  const html = await res.text();
  const token = /name="_t" value="([^"]+)"/.exec(html)?.[1] ?? null;
  return { res, html, token };
}
