import { and, eq, isNull, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { replyDeliveries } from "../db/schema";
import { retryD1Write } from "../jobs/retry-d1-write";

/**
 * At most once for customer-service messages. WeChat's custom/send takes
 * no idempotency key, so a message is claimed in D1 before it is handed to
 * WeChat and its answer recorded after: `sent_at` set on a row still
 * `pending` is that claim. A second run (a queue redelivery) cannot claim
 * the row again. A claim whose answer was never recorded (the run died, or
 * D1 failed after WeChat answered) is settled as "may have been sent" and
 * never resent: a fan who gets a message twice sees a broken account.
 * Each write applies only to the row as this run saw or claimed it, so two
 * runs cannot overwrite each other's outcome.
 * TODO(#7): a `sending` status would say this without reusing `sent_at`;
 * it needs a change to src/db/schema/reply-deliveries.ts.
 */
export type DeliveryRow = typeof replyDeliveries.$inferSelect;

/** Not sent: `pending` to try again later, `failed` for good. */
export type Unsent = { status: "pending" | "failed"; errcode: number | null; reason: string };
export type Settled = { status: "sent"; at: number } | Unsent;

export function isClaimed(row: DeliveryRow): boolean {
  return row.status === "pending" && row.sentAt !== null;
}

/**
 * Takes the row for one send at `at`, counting the attempt; true when this
 * run owns it. Repeating the same claim (after D1 lost the answer) matches
 * its own mark and writes the same values.
 */
export async function claimDelivery(db: Db, row: DeliveryRow, at: number): Promise<boolean> {
  const taken = await retryD1Write("reply delivery claim", () =>
    db
      .update(replyDeliveries)
      .set({ sentAt: at, attempts: row.attempts + 1 })
      .where(
        and(
          eq(replyDeliveries.id, row.id),
          eq(replyDeliveries.status, "pending"),
          or(isNull(replyDeliveries.sentAt), eq(replyDeliveries.sentAt, at)),
        ),
      )
      .returning({ id: replyDeliveries.id }),
  );
  return taken.length > 0;
}

/**
 * Records what became of a row that is still pending with the claim `claimedAt`
 * (null: not claimed). Values are absolute, so repeating it is harmless.
 */
export async function settleDelivery(
  db: Db,
  row: DeliveryRow,
  claimedAt: number | null,
  outcome: Settled,
) {
  const values =
    outcome.status === "sent"
      ? { status: "sent" as const, sentAt: outcome.at, errcode: null, errorMessage: null }
      : {
          status: outcome.status,
          sentAt: null,
          errcode: outcome.errcode,
          errorMessage: outcome.reason,
        };
  const asSeen = and(
    eq(replyDeliveries.id, row.id),
    eq(replyDeliveries.status, "pending"),
    claimedAt === null ? isNull(replyDeliveries.sentAt) : eq(replyDeliveries.sentAt, claimedAt),
  );
  await retryD1Write("reply delivery outcome", () =>
    db.update(replyDeliveries).set(values).where(asSeen),
  );
}
