import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { webhookEvents } from "../db/schema";

/**
 * Once-only handling of a push (wechat.md: deadline 5 s, then up to 3
 * retries). The first delivery claims the key; a retry that finds it
 * handled gets the stored answer; one that arrives while the first is
 * still running waits a little for its answer. A claim left unfinished for
 * STALE_MS (a crashed handler) may be taken over.
 */
export type Claim =
  | { kind: "claimed" }
  | { kind: "answered"; replyXml: string }
  | { kind: "in_flight" };

const STALE_MS = 15_000;
const WAIT_STEP_MS = 200;
const WAIT_MAX_MS = 3_500;

export async function claimDelivery(db: Db, accountId: string, dedupeKey: string): Promise<Claim> {
  const now = Date.now();
  const inserted = await db
    .insert(webhookEvents)
    .values({ dedupeKey, accountId, replyXml: "", handledAt: null, createdAt: now })
    .onConflictDoNothing()
    .returning({ key: webhookEvents.dedupeKey });
  if (inserted.length) return { kind: "claimed" };

  const [row] = await db
    .select()
    .from(webhookEvents)
    .where(eq(webhookEvents.dedupeKey, dedupeKey))
    .limit(1);
  if (!row) return claimDelivery(db, accountId, dedupeKey);
  if (row.handledAt !== null) return { kind: "answered", replyXml: row.replyXml };
  if (now - row.createdAt < STALE_MS) return { kind: "in_flight" };

  const taken = await db
    .update(webhookEvents)
    .set({ createdAt: now })
    .where(
      and(
        eq(webhookEvents.dedupeKey, dedupeKey),
        isNull(webhookEvents.handledAt),
        eq(webhookEvents.createdAt, row.createdAt),
      ),
    )
    .returning({ key: webhookEvents.dedupeKey });
  return taken.length ? { kind: "claimed" } : { kind: "in_flight" };
}

/** The answer of the delivery in flight, once it has one; null if it takes too long. */
export async function waitForAnswer(db: Db, dedupeKey: string): Promise<string | null> {
  for (let waited = 0; waited < WAIT_MAX_MS; waited += WAIT_STEP_MS) {
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    const [row] = await db
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.dedupeKey, dedupeKey))
      .limit(1);
    if (row?.handledAt != null) return row.replyXml;
  }
  return null;
}

export async function completeDelivery(db: Db, dedupeKey: string, replyXml: string): Promise<void> {
  await db
    .update(webhookEvents)
    .set({ replyXml, handledAt: Date.now() })
    .where(eq(webhookEvents.dedupeKey, dedupeKey));
}

/** Frees the key after a failed handler, so WeChat's retry can handle the push. */
export async function releaseDelivery(db: Db, dedupeKey: string): Promise<void> {
  await db
    .delete(webhookEvents)
    .where(and(eq(webhookEvents.dedupeKey, dedupeKey), isNull(webhookEvents.handledAt)));
}
