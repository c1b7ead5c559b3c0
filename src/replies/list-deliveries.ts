import { and, count, desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { type DELIVERY_STATUSES, fans, replyDeliveries } from "../db/schema";
import { fanErased, shownOpenid } from "../privacy/shown-fan";

export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A code's reply deliveries, newest first, with the fan they went to. */
export async function listDeliveries(
  db: Db,
  accountId: string,
  qrcodeId: string,
  options: { status?: DeliveryStatus | undefined; page: number; pageSize: number },
) {
  const where = and(
    eq(replyDeliveries.accountId, accountId),
    eq(replyDeliveries.qrcodeId, qrcodeId),
    options.status ? eq(replyDeliveries.status, options.status) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ d: replyDeliveries, openid: shownOpenid, erased: fanErased })
      .from(replyDeliveries)
      .leftJoin(fans, eq(fans.id, replyDeliveries.fanId))
      .where(where)
      .orderBy(
        desc(replyDeliveries.createdAt),
        desc(replyDeliveries.scanId),
        replyDeliveries.position,
      )
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ n: count() }).from(replyDeliveries).where(where),
  ]);
  return {
    deliveries: rows.map(({ d, openid, erased }) => ({
      id: d.id,
      scanId: d.scanId,
      fanId: d.fanId,
      openid,
      erased,
      position: d.position,
      messageType: d.messageType,
      channel: d.channel,
      status: d.status,
      errcode: d.errcode,
      reason: d.errorMessage,
      attempts: d.attempts,
      createdAt: d.createdAt,
      // On a pending row sent_at marks a send in progress (delivery-claims.ts), not a delivery.
      sentAt: d.status === "sent" ? d.sentAt : null,
    })),
    total: total?.n ?? 0,
    page: options.page,
    pageSize: options.pageSize,
  };
}
