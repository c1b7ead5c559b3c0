import { getAccountStub } from "../durable/account-do";
import { errorFields, log } from "../lib/log";
import type { LiveMessage } from "./live-messages";

/**
 * Tells the account's Durable Object about recorded events, after the
 * webhook has answered (ctx.waitUntil): live counters must never slow or
 * fail the webhook.
 */
export function notifyLive(
  env: Env,
  ctx: ExecutionContext,
  accountId: string,
  messages: LiveMessage[],
): void {
  if (messages.length === 0) return;
  const stub = getAccountStub(env, accountId);
  ctx.waitUntil(
    stub.broadcastLive(messages).catch((err: unknown) => {
      log.warn("live push failed", { accountId, ...errorFields(err) });
    }),
  );
}
