import { DurableObject } from "cloudflare:workers";
import {
  acceptLiveSocket,
  answerLiveMessage,
  broadcastLive,
  closeLiveSocket,
} from "../live/live-hub";
import type { LiveMessage } from "../live/live-messages";
import { runFanTagAlarm } from "../tags/apply-fan-tags";
import {
  dropPendingTagsOfFan,
  enqueueFanTags,
  type FanTagRequest,
  requeueFanTags,
} from "../tags/fan-tag-queue";
import type { WechatResult } from "../wechat/errors";
import { AccessTokenCache, type AccessTokenRequest } from "../wechat/token-cache";
import { claimIdempotencyKey, releaseIdempotencyKey } from "./idempotency-claims";

/**
 * One instance per official account (named by the account id). It serialises
 * what must not run twice at once for an account: the access-token refresh,
 * fan tagging, and the live scan counters pushed to open consoles.
 */
export class AccountDurableObject extends DurableObject<Env> {
  #tokens = new AccessTokenCache(this.ctx.storage, this.env);

  /** Whether the object answers; used by the health check. */
  async ping(): Promise<string> {
    return "pong";
  }

  /** The account's WeChat access token; see src/wechat/token-cache.ts. */
  async getAccessToken(request: AccessTokenRequest): Promise<WechatResult<string>> {
    return this.#tokens.get(request);
  }

  /** Drops the cached token, e.g. after the AppID or AppSecret changed. */
  async forgetAccessToken(): Promise<void> {
    await this.#tokens.forget();
  }

  /** Fan tags to apply; gathered briefly, then applied by the alarm (src/tags/apply-fan-tags.ts). */
  async queueFanTags(requests: FanTagRequest[]): Promise<number> {
    return enqueueFanTags(this.ctx.storage, requests);
  }

  /** Failed fan tags an operator retries: a fresh set of tries (src/tags/retry-tag-failures.ts). */
  async requeueFanTags(requests: FanTagRequest[]): Promise<number> {
    return requeueFanTags(this.ctx.storage, requests);
  }

  /** Forgets an erased fan's pending tags, and with them its openid. */
  async forgetFan(fanId: string): Promise<number> {
    return dropPendingTagsOfFan(this.ctx.storage, fanId);
  }

  /** Claims an Idempotency-Key for one code creation; false while another request holds it. */
  async claimIdempotencyKey(key: string): Promise<boolean> {
    return claimIdempotencyKey(this.ctx.storage, key);
  }

  async releaseIdempotencyKey(key: string): Promise<void> {
    await releaseIdempotencyKey(this.ctx.storage, key);
  }

  override async alarm(): Promise<void> {
    await runFanTagAlarm(this.ctx.storage, this.env);
  }

  /** A console's live-counter WebSocket; the Worker passes the upgrade here after auth. */
  override async fetch(): Promise<Response> {
    return acceptLiveSocket(this.ctx);
  }

  /** Pushes recorded events to every open console (src/live). */
  async broadcastLive(messages: LiveMessage[]): Promise<number> {
    let sent = 0;
    for (const m of messages) sent += broadcastLive(this.ctx, m);
    return sent;
  }

  override async webSocketMessage(socket: WebSocket, data: string | ArrayBuffer): Promise<void> {
    answerLiveMessage(socket, data);
  }

  override async webSocketClose(socket: WebSocket, code: number): Promise<void> {
    closeLiveSocket(socket, code);
  }
}

export function getAccountStub(env: Env, accountId: string) {
  const namespace = env.ACCOUNT_DO as DurableObjectNamespace<AccountDurableObject>;
  return namespace.get(namespace.idFromName(accountId));
}
