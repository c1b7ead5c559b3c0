import { exports } from "cloudflare:workers";
import type { Push } from "./build-push";

/**
 * Sends a push to an account's webhook the way WeChat does: a POST that
 * must be answered within 5 seconds, retried up to 3 times when it is not
 * (wechat.md "Webhook"). By default the request goes into this Worker's own
 * fetch handler (a real request through the whole app), not a shortcut.
 */
export type PushFetcher = (request: Request) => Promise<Response>;
export type DeliverOptions = {
  origin: string;
  fetcher?: PushFetcher;
  attemptTimeoutMs?: number;
  retries?: number;
};
export type DeliveryOutcome =
  | { answered: true; attempts: number; status: number; body: string }
  | { answered: false; attempts: number };

export const WECHAT_DEADLINE_MS = 5_000;
export const WECHAT_RETRIES = 3;

function loopback(): PushFetcher {
  const self = (exports as unknown as { default: Fetcher }).default;
  return (request) => self.fetch(request);
}

async function attemptOnce(fetcher: PushFetcher, url: string, push: Push, timeoutMs: number) {
  const signal = AbortSignal.timeout(timeoutMs);
  const request = new Request(url, {
    method: "POST",
    headers: { "Content-Type": "text/xml; charset=utf-8" },
    body: push.body,
    signal,
  });
  const timedOut = new Promise<null>((resolve) =>
    signal.addEventListener("abort", () => resolve(null), { once: true }),
  );
  const answered = (async () => {
    const res = await fetcher(request);
    return { status: res.status, body: await res.text() };
  })();
  // A late answer after the deadline is dropped, as WeChat drops it.
  answered.catch(() => undefined);
  return Promise.race([answered, timedOut]);
}

export async function deliverPush(
  accountId: string,
  push: Push,
  options: DeliverOptions,
): Promise<DeliveryOutcome> {
  const fetcher = options.fetcher ?? loopback();
  const url = `${options.origin}/wechat/${accountId}?${push.query}`;
  const tries = 1 + (options.retries ?? WECHAT_RETRIES);
  for (let attempt = 1; attempt <= tries; attempt++) {
    const answer = await attemptOnce(
      fetcher,
      url,
      push,
      options.attemptTimeoutMs ?? WECHAT_DEADLINE_MS,
    );
    if (answer) return { answered: true, attempts: attempt, ...answer };
  }
  return { answered: false, attempts: tries };
}
