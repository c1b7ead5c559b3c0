import { getDb } from "../db/client";
import { sha256Hex } from "../lib/encoding";
import { log } from "../lib/log";
import { loadAccountSecrets } from "./account-secrets";
import { type WechatError, type WechatResult, wechatError } from "./errors";
import { wechatEndpoint } from "./http";
import { requestStableToken } from "./stable-token";

/**
 * The access token of one account, kept by the account's Durable Object.
 * wechat.md "Access token": exactly one refresher per AppID, or refreshers
 * knock each other out; force_refresh only for a token known bad, at most
 * once per 30 s; 40001 from stable_token means a wrong AppSecret, so
 * failures are held for a while instead of retried by every caller.
 * Requests run one at a time, so however many callers ask at once, at most
 * one refresh is in flight. The token itself is never logged.
 */
export type AccessTokenRequest = {
  accountId: string;
  /** The AppID the caller's account row has; a token cached for another AppID is ignored. */
  appId: string;
  forceRefresh?: boolean;
  /** The token WeChat just rejected; a forced refresh happens only if it is still the cached one. */
  failedToken?: string;
};

type StoredToken = { appId: string; token: string; expiresAt: number; forcedAt: number };
type HeldFailure = { fingerprint: string; error: WechatError; until: number };

const STORAGE_KEY = "wechat.accessToken";
/** Refresh this long before expiry; stable_token renews in its last 5 minutes. */
export const REFRESH_AHEAD_MS = 5 * 60_000;
const FORCE_SPACING_MS = 30_000;
const HOLD_BACKOFF_MS = 5_000;
const HOLD_CONFIG_MS = 60_000;

export class AccessTokenCache {
  #chain: Promise<unknown> = Promise.resolve();
  #memory: StoredToken | null | undefined;
  #failure: HeldFailure | null = null;

  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly env: Env,
  ) {}

  get(request: AccessTokenRequest): Promise<WechatResult<string>> {
    const next = this.#chain.then(() => this.#get(request));
    this.#chain = next.catch(() => undefined);
    return next;
  }

  async forget(): Promise<void> {
    this.#memory = null;
    this.#failure = null;
    await this.storage.delete(STORAGE_KEY);
  }

  async #cached(appId: string): Promise<StoredToken | null> {
    if (this.#memory === undefined)
      this.#memory = (await this.storage.get<StoredToken>(STORAGE_KEY)) ?? null;
    return this.#memory && this.#memory.appId === appId ? this.#memory : null;
  }

  async #get(request: AccessTokenRequest): Promise<WechatResult<string>> {
    const cached = await this.#cached(request.appId);
    const now = Date.now();
    const fresh = cached !== null && cached.expiresAt - now > REFRESH_AHEAD_MS;
    if (cached && fresh) {
      if (!request.forceRefresh) return { ok: true, value: cached.token };
      // Someone refreshed since the caller's token failed, or a forced refresh just happened.
      if (request.failedToken !== cached.token) return { ok: true, value: cached.token };
      if (now - cached.forcedAt < FORCE_SPACING_MS) return { ok: true, value: cached.token };
    }
    const force = !!request.forceRefresh && cached !== null && request.failedToken === cached.token;
    return this.#refresh(request.accountId, force, cached);
  }

  async #refresh(
    accountId: string,
    force: boolean,
    cached: StoredToken | null,
  ): Promise<WechatResult<string>> {
    const account = await getDb(this.env.DB).query.accounts.findFirst({
      where: (a, { and, eq, isNull }) => and(eq(a.id, accountId), isNull(a.deletedAt)),
    });
    if (!account) return { ok: false, error: wechatError(40013, "account not found") };
    const { appSecret } = await loadAccountSecrets(this.env, account);
    if (!appSecret) return { ok: false, error: wechatError(41004, "appsecret missing") };

    const fingerprint = await sha256Hex(`${account.appId}:${appSecret}`);
    const held = this.#failure;
    if (held && held.fingerprint === fingerprint && Date.now() < held.until)
      return { ok: false, error: held.error };

    const endpoint = wechatEndpoint(this.env, account);
    const answer = await requestStableToken(endpoint, {
      appId: account.appId,
      appSecret,
      forceRefresh: force,
    });
    if (!answer.ok) return this.#hold(accountId, fingerprint, answer.error);

    const now = Date.now();
    const stored: StoredToken = {
      appId: account.appId,
      token: answer.value.accessToken,
      expiresAt: now + answer.value.expiresIn * 1000,
      forcedAt: force ? now : (cached?.forcedAt ?? 0),
    };
    await this.storage.put(STORAGE_KEY, stored);
    this.#memory = stored;
    this.#failure = null;
    log.info("access token refreshed", {
      accountId,
      forced: force,
      expiresIn: answer.value.expiresIn,
    });
    return { ok: true, value: stored.token };
  }

  #hold(accountId: string, fingerprint: string, error: WechatError): WechatResult<string> {
    // From stable_token a token errcode means the AppID/AppSecret pair is wrong: never retry it.
    const final: WechatError =
      error.retryable === "refresh_once"
        ? {
            ...error,
            retryable: "no",
            explanation:
              "WeChat rejected the AppID and AppSecret. Check both in the account settings.",
          }
        : error;
    const holdMs = final.retryable === "backoff" ? HOLD_BACKOFF_MS : HOLD_CONFIG_MS;
    this.#failure = { fingerprint, error: final, until: Date.now() + holdMs };
    log.warn("access token refresh failed", {
      accountId,
      errcode: final.errcode,
      source: final.source,
    });
    return { ok: false, error: final };
  }
}
