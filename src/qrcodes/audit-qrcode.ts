import type { QrCodeRow } from "./present-qrcode";

/** The settings an audit entry shows of a code: what a person set, not WeChat's ticket. */
export function qrCodeAuditFields(row: QrCodeRow) {
  return {
    name: row.name,
    kind: row.kind,
    scene: row.scene,
    validityDays: row.validityDays,
    autoRenew: row.autoRenew,
    status: row.status,
    groupId: row.groupId,
    fanTagIds: row.fanTagIds,
    memberTagIds: row.memberTagIds,
    reply: row.reply,
    formId: row.formId,
  };
}
