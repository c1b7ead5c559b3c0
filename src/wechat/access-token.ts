import type { AccountDurableObject } from "../durable/account-do";
import type { AccountRow } from "../http/types";
import type { WechatResult } from "./errors";

type TokenAccount = Pick<AccountRow, "id" | "appId">;

function tokenStub(env: Env, accountId: string) {
  const namespace = env.ACCOUNT_DO as DurableObjectNamespace<AccountDurableObject>;
  return namespace.get(namespace.idFromName(accountId));
}

/** The account's current access token, from its Durable Object (one refresher per AppID). */
export async function getAccessToken(
  env: Env,
  account: TokenAccount,
  force?: { failedToken: string },
): Promise<WechatResult<string>> {
  return tokenStub(env, account.id).getAccessToken({
    accountId: account.id,
    appId: account.appId,
    ...(force ? { forceRefresh: true, failedToken: force.failedToken } : {}),
  });
}

/**
 * Runs one API call with the account's token. On 40001/40014/42001 the token
 * is refreshed once and the call retried once (wechat.md "Access token"); the
 * Durable Object refreshes only if the failed token is still the cached one
 * and at most every 30 s, so a wrong AppSecret cannot burn the daily quota.
 */
export async function withAccessToken<T>(
  env: Env,
  account: TokenAccount,
  call: (accessToken: string) => Promise<WechatResult<T>>,
): Promise<WechatResult<T>> {
  const first = await getAccessToken(env, account);
  if (!first.ok) return first;
  const result = await call(first.value);
  if (result.ok || result.error.retryable !== "refresh_once") return result;

  const second = await getAccessToken(env, account, { failedToken: first.value });
  if (!second.ok || second.value === first.value) return result;
  return call(second.value);
}
