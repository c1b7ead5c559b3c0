/**
 * Idempotency-Key claims of one account, kept in its Durable Object so that
 * two requests with the same key cannot both ask WeChat for a code: the
 * object runs one call at a time, and the first to claim wins.
 *
 * A claim lives only while its request runs: the code row, which carries the
 * key, answers replays afterwards. A claim older than CLAIM_TTL_MS belongs to
 * a request that died, and may be taken over.
 */
const CLAIM_TTL_MS = 60_000;
const PREFIX = "idem:";

export async function claimIdempotencyKey(
  storage: DurableObjectStorage,
  key: string,
  now = Date.now(),
): Promise<boolean> {
  const held = await storage.get<number>(PREFIX + key);
  if (held !== undefined && now - held < CLAIM_TTL_MS) return false;
  await storage.put(PREFIX + key, now);
  return true;
}

export async function releaseIdempotencyKey(storage: DurableObjectStorage, key: string) {
  await storage.delete(PREFIX + key);
}
