import type { qrcodes } from "../db/schema";
import type { CodeNumbers } from "../stats/code-numbers";
import type { QrState } from "./schemas";

export type QrCodeRow = typeof qrcodes.$inferSelect;
/** A code with what the API shows beside it. */
export type ListedQrCode = {
  row: QrCodeRow;
  groupName: string | null;
  numbers: CodeNumbers | null;
};

/** "Expiring" in the list means a temporary code that stops working within 3 days. */
export const EXPIRING_WITHIN_MS = 3 * 86_400_000;

export function qrState(row: QrCodeRow, now = Date.now()): QrState {
  if (row.status === "archived") return "archived";
  if (row.kind === "permanent" || row.expiresAt === null) return "active";
  if (row.expiresAt <= now) return "expired";
  return row.expiresAt - now <= EXPIRING_WITHIN_MS ? "expiring" : "active";
}

/** `/q/{liveToken}.png` under the public origin when one is configured. */
export function liveImageUrl(env: Pick<Env, "PUBLIC_BASE_URL">, liveToken: string): string {
  const base = (env.PUBLIC_BASE_URL ?? "").replace(/\/+$/, "");
  return `${base}/q/${liveToken}.png`;
}

export type PresentQrCodeOptions = {
  groupName?: string | null;
  numbers?: CodeNumbers | null;
  now?: number;
};

/** The API view of a code; the live token appears only inside the live URL. */
export function presentQrCode(
  env: Pick<Env, "PUBLIC_BASE_URL">,
  row: QrCodeRow,
  options: PresentQrCodeOptions = {},
) {
  return {
    id: row.id,
    accountId: row.accountId,
    name: row.name,
    kind: row.kind,
    scene: row.scene,
    actionName: row.actionName,
    ticket: row.ticket,
    url: row.url,
    expiresAt: row.expiresAt,
    validityDays: row.validityDays,
    autoRenew: row.autoRenew,
    state: qrState(row, options.now),
    groupId: row.groupId,
    groupName: options.groupName ?? null,
    fanTagIds: row.fanTagIds,
    memberTagIds: row.memberTagIds,
    reply: row.reply,
    formId: row.formId,
    liveUrl: liveImageUrl(env, row.liveToken),
    numbers: options.numbers ?? null,
    renewedAt: row.renewedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
