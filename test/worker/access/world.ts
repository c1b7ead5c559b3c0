import { env } from "cloudflare:workers";
import { createApiToken } from "../../../src/auth/api-tokens";
import { createSession } from "../../../src/auth/sessions";
import { getDb } from "../../../src/db/client";
import type { UserRole } from "../../../src/db/schema";
import type { AccountRow } from "../../../src/http/types";
import { sha256Hex } from "../../../src/lib/encoding";
import { submitAs } from "../contacts/submit";
import { createUserWithToken, grantAccount, type TestUser } from "../factories/users";
import { createTestAccount } from "../factories/wechat-accounts";
import { createForm, insertFan, insertMemberTag } from "../forms/fixtures";
import { call, jsonInit } from "../helpers";
import { previewNames } from "../qrcodes/import-helpers";
import { SAMPLE_FILES, uploadMedia } from "../replies/helpers";

export type Headers = Record<string, string>;

/** One account and one of everything in it, each made the way the product makes it. */
export type AccountWorld = {
  account: AccountRow;
  codeId: string;
  formId: string;
  groupId: string;
  importId: string;
  mediaId: string;
  jobId: string;
  fanId: string;
  contactId: string;
  conflictId: string;
};

let seq = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}`;
/** Mobiles are unique across every contact, so each world draws its own. */
const mobile = () =>
  `139${String(Date.now() % 1e4).padStart(4, "0")}${String(seq++ % 1e4).padStart(4, "0")}`;

async function json<T>(res: Response, expected: number): Promise<T> {
  if (res.status !== expected) throw new Error(`fixture: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function createGroup(owner: Headers, accountId: string): Promise<string> {
  const res = await call(
    `/api/accounts/${accountId}/groups`,
    jsonInit("POST", { name: unique("group ") }, owner),
  );
  return (await json<{ group: { id: string } }>(res, 201)).group.id;
}

export async function createCodeVia(owner: Headers, accountId: string): Promise<string> {
  const res = await call(
    `/api/accounts/${accountId}/qrcodes`,
    jsonInit("POST", { kind: "permanent", name: unique("code ") }, owner),
  );
  return (await json<{ qrcode: { id: string } }>(res, 201)).qrcode.id;
}

export async function createFormVia(owner: Headers, accountId: string): Promise<string> {
  return (await createForm(owner, accountId)).id;
}

/** A fan linked to contact X submits contact Y's mobile: an open conflict on the account. */
async function makeConflict(owner: Headers, accountId: string, formId: string) {
  const agree = { agree: "yes" };
  const fan = await insertFan(accountId);
  const first = mobile();
  const other = mobile();
  await submitAs({ id: formId }, fan, { ...agree, name: "甲", mobile: first });
  await submitAs({ id: formId }, await insertFan(accountId), {
    ...agree,
    name: "乙",
    mobile: other,
  });
  await submitAs({ id: formId }, fan, { ...agree, name: "甲", mobile: other });
  const res = await call("/api/contacts/conflicts?pageSize=200", { headers: owner });
  const { conflicts } = await json<{ conflicts: { id: string; fan: { id: string } }[] }>(res, 200);
  const conflict = conflicts.find((c) => c.fan.id === fan.id);
  if (!conflict) throw new Error("fixture: no conflict listed");
  const contact = await env.DB.prepare("select contact_id as id from fans where id = ?")
    .bind(fan.id)
    .first<{ id: string }>();
  if (!contact?.id) throw new Error("fixture: fan has no contact");
  return { fanId: fan.id, contactId: contact.id, conflictId: conflict.id };
}

/** A sandbox account (plaintext pushes) holding a code, form, group, import, media, job and a conflict. */
export async function seedAccountWorld(owner: Headers): Promise<AccountWorld> {
  const { account } = await createTestAccount({ messageMode: "plaintext", name: unique("World ") });
  const codeId = await createCodeVia(owner, account.id);
  const formId = await createFormVia(owner, account.id);
  const groupId = await createGroup(owner, account.id);
  const preview = await previewNames(account.id, "a\nb\n", "names.csv", owner);
  const media = await uploadMedia(account.id, owner, SAMPLE_FILES.png, "a.png");
  const download = await call(
    `/api/accounts/${account.id}/qrcodes/downloads`,
    jsonInit("POST", { ids: [codeId] }, owner),
  );
  const { job } = await json<{ job: { id: string } }>(download, 202);
  const linked = await makeConflict(owner, account.id, formId);
  return {
    account,
    codeId,
    formId,
    groupId,
    importId: preview.id,
    mediaId: media.id,
    jobId: job.id,
    ...linked,
  };
}

export type Caller = {
  label: string;
  role: UserRole | null;
  scope: "read" | "write" | null;
  user: TestUser | null;
  headers: Headers;
};

/** Users of each role granted the given accounts, an owner's read token, and nobody. */
export async function createCallers(accountIds: string[]): Promise<Caller[]> {
  const roles: UserRole[] = ["owner", "admin", "operator", "viewer"];
  const callers: Caller[] = [];
  for (const role of roles) {
    const user = await createUserWithToken(role, { accountIds });
    callers.push({ label: role, role, scope: "write", user, headers: user.headers });
  }
  const reader = await createUserWithToken("owner", { scope: "read" });
  callers.push({
    label: "read token",
    role: "owner",
    scope: "read",
    user: reader,
    headers: reader.headers,
  });
  callers.push({ label: "no credentials", role: null, scope: null, user: null, headers: {} });
  return callers;
}

/** Things a DELETE consumes, made again for each caller so every cell has one to delete. */
export const fresh = {
  async account(caller: Caller): Promise<string> {
    const { account } = await createTestAccount({ messageMode: "plaintext" });
    if (caller.user && caller.role !== "owner") await grantAccount(caller.user.id, account.id);
    return account.id;
  },
  async token(caller: Caller): Promise<string> {
    const userId = caller.user?.id ?? (await createUserWithToken("viewer")).id;
    return (await createApiToken(getDb(env.DB), userId, { name: "spare", scope: "read" })).row.id;
  },
  async session(caller: Caller): Promise<string> {
    const userId = caller.user?.id ?? (await createUserWithToken("viewer")).id;
    const { cookieValue } = await createSession(getDb(env.DB), userId, "matrix");
    // The session's id is the hash of its cookie, as the sessions table stores it.
    return sha256Hex(cookieValue);
  },
  memberTag: () => insertMemberTag(unique("tag ")),
};
