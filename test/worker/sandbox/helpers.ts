import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { getDb } from "../../../src/db/client";
import { sandboxCalls } from "../../../src/db/schema";
import type { AccountRow } from "../../../src/http/types";
import { newOpenid } from "../../../src/sandbox/api/context";
import { applyFanEvent } from "../../../src/sandbox/fans";
import { getAccessToken } from "../../../src/wechat/access-token";
import { call, jsonInit } from "../helpers";

export const db = getDb(env.DB);

/** Fans who follow now (a scan just opened their customer-service window). */
export async function followers(account: AccountRow, count: number): Promise<string[]> {
  const openids = Array.from({ length: count }, () => newOpenid());
  const now = Math.floor(Date.now() / 1000);
  for (const openid of openids)
    await applyFanEvent(db, account.appId, openid, "subscribe", "7", now);
  return openids;
}

/** Calls the sandbox over HTTP at /sandbox/wechat with the account's token, bypassing the client. */
export async function rawCall(account: AccountRow, path: string, body?: unknown) {
  const token = await getAccessToken(env, account);
  if (!token.ok) throw new Error("no token");
  const url = `/sandbox/wechat${path}${path.includes("?") ? "&" : "?"}access_token=${token.value}`;
  const res = await call(url, body === undefined ? {} : jsonInit("POST", body));
  return (await res.json()) as Record<string, unknown>;
}

export async function recordedCalls(appId: string, path: string) {
  return db
    .select()
    .from(sandboxCalls)
    .where(and(eq(sandboxCalls.appId, appId), eq(sandboxCalls.path, path)));
}
