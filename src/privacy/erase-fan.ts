import { and, eq, isNull, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import {
  contactConflicts,
  contactEvents,
  fans,
  pendingMemberTags,
  replyDeliveries,
  scans,
  webhookEvents,
} from "../db/schema";
import { newId } from "../lib/ids";

export type FanRow = typeof fans.$inferSelect;

export type EraseFanResult =
  | { ok: true; fan: { id: string; erasedAt: number }; before: FanRow }
  | { ok: false; reason: "not_found" | "already_erased" };

export type EraseActor = { userId: string; now: number };

/** What an erased fan's openid becomes: unique per row, and never a real openid. */
export function erasedOpenid(fanId: string): string {
  return `erased:${fanId}`;
}

/**
 * A privacy request for one fan. The personal data goes: the openid becomes
 * a placeholder no WeChat push can match (so the same person scanning again
 * arrives as a new fan), the unionid, remark, contact link and WeChat tags
 * are cleared, and every other row that carried the openid (scan and
 * webhook de-duplication keys) stops carrying it. The fan's rows in scans,
 * rollups and qrcode_fans stay under its id, so every number is unchanged.
 * All of it is one D1 batch.
 */
export async function eraseFan(
  db: Db,
  accountId: string,
  fanId: string,
  actor: EraseActor,
): Promise<EraseFanResult> {
  const fan = await db.query.fans.findFirst({
    where: and(eq(fans.id, fanId), eq(fans.accountId, accountId)),
  });
  if (!fan) return { ok: false, reason: "not_found" };
  if (fan.erasedAt !== null) return { ok: false, reason: "already_erased" };

  // The statements after the first use what was read above, not what the first wrote.
  const [erased] = await db.batch([
    blankFan(db, fan, actor.now),
    ...forgetOpenidStatements(db, fan),
    ...loseContactStatements(db, fan, actor),
    ...pendingWorkStatements(db, fan),
  ]);
  if (erased.length === 0) return { ok: false, reason: "already_erased" };
  return { ok: true, fan: { id: fan.id, erasedAt: actor.now }, before: fan };
}

function blankFan(db: Db, fan: FanRow, now: number) {
  return db
    .update(fans)
    .set({
      openid: erasedOpenid(fan.id),
      unionid: null,
      remark: "",
      contactId: null,
      wechatTagIds: [],
      erasedAt: now,
      updatedAt: now,
    })
    .where(and(eq(fans.id, fan.id), isNull(fans.erasedAt)))
    .returning({ id: fans.id });
}

/**
 * Scan keys read `account|openid|time|event|scene` (src/scans/handle-scan.ts)
 * and webhook keys `account:evt:openid|...` (src/webhook/to-event.ts). A scan
 * keeps a key unique to it; the webhook keys only guard WeChat's retries of
 * the last few seconds and are deleted.
 */
function forgetOpenidStatements(db: Db, fan: FanRow): BatchItem<"sqlite">[] {
  const webhookPrefix = `${fan.accountId}:evt:${fan.openid}|`;
  return [
    db
      .update(scans)
      .set({ dedupeKey: sql`'erased:' || ${scans.id}` })
      .where(and(eq(scans.fanId, fan.id), eq(scans.accountId, fan.accountId))),
    db
      .delete(webhookEvents)
      .where(
        and(
          eq(webhookEvents.accountId, fan.accountId),
          sql`substr(${webhookEvents.dedupeKey}, 1, ${webhookPrefix.length}) = ${webhookPrefix}`,
        ),
      ),
  ];
}

/** The contact loses this fan (its history says so); the fan's open conflicts are moot. */
function loseContactStatements(db: Db, fan: FanRow, actor: EraseActor): BatchItem<"sqlite">[] {
  const statements: BatchItem<"sqlite">[] = [
    db
      .update(contactConflicts)
      .set({
        status: "resolved",
        resolution: "fan_erased",
        resolvedBy: actor.userId,
        resolvedAt: actor.now,
      })
      .where(and(eq(contactConflicts.fanId, fan.id), eq(contactConflicts.status, "open"))),
  ];
  if (fan.contactId) {
    statements.push(
      db.insert(contactEvents).values({
        id: newId("cev"),
        contactId: fan.contactId,
        kind: "fan_unlinked",
        details: { fanId: fan.id, reason: "fan_erased" },
        actorUserId: actor.userId,
        createdAt: actor.now,
      }),
    );
  }
  return statements;
}

/** Work still waiting for the fan would be sent to the placeholder: it is dropped. */
function pendingWorkStatements(db: Db, fan: FanRow): BatchItem<"sqlite">[] {
  return [
    db.delete(pendingMemberTags).where(eq(pendingMemberTags.fanId, fan.id)),
    db
      .update(replyDeliveries)
      .set({ status: "skipped", errorMessage: "The fan was erased" })
      .where(and(eq(replyDeliveries.fanId, fan.id), eq(replyDeliveries.status, "pending"))),
  ];
}
