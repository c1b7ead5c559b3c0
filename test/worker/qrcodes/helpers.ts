import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { getDb } from "../../../src/db/client";
import { handleWechatEvent } from "../../../src/scans/handle-event";
import { createSandboxAccount, type TestAccount } from "../factories/accounts";
import { call, jsonInit, ownerTokenHeaders } from "../helpers";

export type QrCodeBody = {
  id: string;
  name: string;
  kind: "temporary" | "permanent";
  scene: string;
  actionName: string;
  ticket: string | null;
  url: string | null;
  expiresAt: number | null;
  validityDays: number | null;
  autoRenew: boolean;
  state: string;
  groupId: string | null;
  groupName: string | null;
  liveUrl: string;
  numbers: { scans: number; scanners: number; newFollowers: number; unfollows: number } | null;
};

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

/** The owner's headers and a fresh sandbox account. */
export async function ownerWithAccount(): Promise<{
  owner: Record<string, string>;
  account: TestAccount;
}> {
  const owner = await ownerTokenHeaders();
  return { owner, account: await createSandboxAccount(owner) };
}

export function codesPath(accountId: string, rest = "") {
  return `/api/accounts/${accountId}/qrcodes${rest}`;
}

export async function postCode(
  accountId: string,
  body: Record<string, unknown>,
  headers: Record<string, string>,
) {
  return call(codesPath(accountId), jsonInit("POST", body, headers));
}

/** Creates a code and returns it; fails the test on anything but 201. */
export async function createCode(
  accountId: string,
  body: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<QrCodeBody> {
  const res = await postCode(accountId, body, headers);
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { qrcode: QrCodeBody }).qrcode;
}

/** How many qrcode/create calls the sandbox answered for an AppID. */
export async function sandboxCreateCalls(appId: string): Promise<number> {
  const row = await env.DB.prepare(
    "select count(*) as n from sandbox_calls where app_id = ? and path = '/cgi-bin/qrcode/create'",
  )
    .bind(appId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

export async function storedCodeCount(accountId: string): Promise<number> {
  const row = await env.DB.prepare("select count(*) as n from qrcodes where account_id = ?")
    .bind(accountId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/**
 * Delivers a scan of the code with this scene as the webhook would: a
 * `subscribe` (the fan follows through the code) or a `scan` (already a follower).
 */
export async function scanCode(
  accountId: string,
  scene: string,
  openid: string,
  kind: "subscribe" | "scan",
  createTime = Math.floor(Date.now() / 1000),
) {
  const account = await getDb(env.DB).query.accounts.findFirst({
    where: (a, { eq }) => eq(a.id, accountId),
  });
  if (!account) throw new Error("account missing");
  const ctx = createExecutionContext();
  await handleWechatEvent(env, ctx, account, { kind, openid, createTime, scene, ticket: null });
  await waitOnExecutionContext(ctx);
}
