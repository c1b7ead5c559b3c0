import { buildUrl, request } from "./client";
import type {
  CreateQrCodeBody,
  ListQrCodesQuery,
  QrCode,
  QrGroup,
  ScanDelivery,
  SimulateScansBody,
  UpdateQrCodeBody,
} from "./types";

const codes = (accountId: string) => `/api/accounts/${accountId}/qrcodes`;

export type QrCodePage = { items: QrCode[]; total: number };

export const listQrCodes = (accountId: string, query: ListQrCodesQuery, signal?: AbortSignal) =>
  request<QrCodePage>(codes(accountId), { query, signal });

export const getQrCode = (accountId: string, id: string, signal?: AbortSignal) =>
  request<{ qrcode: QrCode }>(`${codes(accountId)}/${id}`, { signal }).then((r) => r.qrcode);

/**
 * The idempotency key makes a retried submit (a lost answer, a double click)
 * return the code made the first time instead of asking WeChat for a second one.
 */
export async function createQrCode(
  accountId: string,
  body: CreateQrCodeBody,
  idempotencyKey: string,
) {
  const r = await request<{ qrcode: QrCode }>(codes(accountId), {
    json: body,
    headers: { "Idempotency-Key": idempotencyKey },
  });
  return r.qrcode;
}

export const updateQrCode = (accountId: string, id: string, body: UpdateQrCodeBody) =>
  request<{ qrcode: QrCode }>(`${codes(accountId)}/${id}`, { method: "PATCH", json: body }).then(
    (r) => r.qrcode,
  );

export const deleteQrCode = (accountId: string, id: string) =>
  request<void>(`${codes(accountId)}/${id}`, { method: "DELETE" });

export const qrCodeAction = (
  accountId: string,
  id: string,
  action: "archive" | "unarchive" | "renew",
) =>
  request<{ qrcode: QrCode }>(`${codes(accountId)}/${id}/${action}`, { method: "POST" }).then(
    (r) => r.qrcode,
  );

export const bulkDeleteQrCodes = (accountId: string, ids: string[]) =>
  request<{ count: number }>(`${codes(accountId)}/bulk-delete`, { json: { ids } });

export const moveQrCodes = (accountId: string, ids: string[], groupId: string | null) =>
  request<{ count: number }>(`${codes(accountId)}/move`, { json: { ids, groupId } });

export type ImageOptions = {
  format: "png" | "svg";
  size?: number;
  cm?: number;
  caption?: boolean;
  download?: boolean;
};

export function qrImageUrl(accountId: string, id: string, o: ImageOptions): string {
  return buildUrl(`${codes(accountId)}/${id}/image`, {
    format: o.format,
    size: o.cm ? undefined : o.size,
    cm: o.cm,
    caption: o.caption ? 1 : undefined,
    download: o.download ? 1 : undefined,
  });
}

const groups = (accountId: string) => `/api/accounts/${accountId}/groups`;

export const listGroups = (accountId: string, signal?: AbortSignal) =>
  request<{ groups: QrGroup[] }>(groups(accountId), { signal }).then((r) => r.groups);

export const createGroup = (accountId: string, name: string) =>
  request<{ group: QrGroup }>(groups(accountId), { json: { name } }).then((r) => r.group);

export const renameGroup = (accountId: string, groupId: string, name: string) =>
  request<{ group: QrGroup }>(`${groups(accountId)}/${groupId}`, {
    method: "PATCH",
    json: { name },
  }).then((r) => r.group);

export const deleteGroup = (accountId: string, groupId: string) =>
  request<void>(`${groups(accountId)}/${groupId}`, { method: "DELETE" });

export const simulateScan = (accountId: string, body: SimulateScansBody) =>
  request<{ deliveries: ScanDelivery[] }>(`/api/accounts/${accountId}/sandbox/scans`, {
    json: body,
  }).then((r) => r.deliveries);
