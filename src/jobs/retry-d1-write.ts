import { log } from "../lib/log";

/**
 * Retries an idempotent D1 write a few times in place when D1 answers with
 * one of its transient errors. D1 retries read-only queries itself but
 * leaves writes to the application, naming these messages as worth a retry
 * (developers.cloudflare.com/d1/best-practices/retry-queries). Used where
 * the write records something already done outside D1 (a code WeChat
 * issued, a message WeChat accepted): giving up there means doing it again
 * or not knowing, so a short wait is the better deal. Any other error, and
 * the last transient one, is thrown to the caller, whose queue message or
 * alarm then retries with its own backoff.
 */
const TRANSIENT = [
  "Network connection lost",
  "storage caused object to be reset",
  "reset because its code was updated",
];

export const D1_WRITE_TRIES = 3;
const FIRST_PAUSE_MS = 100;

/** Looks through `cause` too: drizzle wraps D1's error in its own "Failed query". */
export function isTransientD1Error(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e !== undefined && depth < 5; depth++) {
    const message = e instanceof Error ? e.message : String(e);
    if (TRANSIENT.some((t) => message.includes(t))) return true;
    e = e instanceof Error ? e.cause : undefined;
  }
  return false;
}

export async function retryD1Write<T>(what: string, write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      if (attempt >= D1_WRITE_TRIES || !isTransientD1Error(err)) throw err;
      log.warn("d1 write retried", { what, attempt });
      // Exponential with jitter: about 100 ms, then 300 ms.
      const pause = FIRST_PAUSE_MS * 3 ** (attempt - 1) * (0.75 + Math.random() / 2);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
