import { FAN_ID } from "../scans/fan-statements";
import { namedStatement } from "../scans/named-statement";
import type { PlannedMessage } from "./plan-reply";

export type DeliveryRowParams = {
  id: string;
  acc: string;
  openid: string;
  code: string;
  dedupeKey: string;
  planned: PlannedMessage;
  status: "pending" | "sent" | "failed" | "skipped";
  errcode?: number | null;
  reason?: string | null;
  now: number;
};

/**
 * One reply delivery row, addressed by the scan's dedupe key and the fan's
 * openid so it can ride in the scan's own batch (the ids are not known yet).
 */
export function insertDelivery(d1: D1Database, p: DeliveryRowParams): D1PreparedStatement {
  const sent = p.status === "sent";
  return namedStatement(
    d1,
    `INSERT INTO reply_deliveries (id, account_id, qrcode_id, fan_id, scan_id, position, message_type,
       message, channel, status, errcode, error_message, attempts, created_at, sent_at)
     VALUES (:id, :acc, :code, ${FAN_ID}, (SELECT id FROM scans WHERE dedupe_key = :dedupeKey),
       :position, :type, :message, :channel, :status, :errcode, :reason, :attempts, :now, :sentAt)`,
    {
      id: p.id,
      acc: p.acc,
      openid: p.openid,
      code: p.code,
      dedupeKey: p.dedupeKey,
      position: p.planned.position,
      type: p.planned.message.type,
      message: JSON.stringify(p.planned.message),
      channel: p.planned.channel,
      status: p.status,
      errcode: p.errcode ?? null,
      reason: p.reason ?? null,
      attempts: p.status === "pending" ? 0 : 1,
      now: p.now,
      sentAt: sent ? p.now : null,
    },
  );
}
