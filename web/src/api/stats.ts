import { request } from "./client";
import type {
  CodeFansPage,
  CodeStats,
  FanSegment,
  FansExportBody,
  Job,
  ReplyDeliveriesPage,
  ScansExportBody,
  StatsSummary,
} from "./types";

/** Inclusive days `YYYY-MM-DD` in the account's time zone; a missing bound is open. */
export type DayRange = { from?: string; to?: string };

const code = (accountId: string, id: string) => `/api/accounts/${accountId}/qrcodes/${id}`;

export const getCodeStats = (
  accountId: string,
  id: string,
  range: DayRange,
  signal?: AbortSignal,
) => request<CodeStats>(`${code(accountId, id)}/stats`, { query: range, signal });

export const listCodeFans = (
  accountId: string,
  id: string,
  query: DayRange & { segment: FanSegment; page: number; pageSize: number },
  signal?: AbortSignal,
) => request<CodeFansPage>(`${code(accountId, id)}/fans`, { query, signal });

export const listDeliveries = (accountId: string, id: string, page: number, signal?: AbortSignal) =>
  request<ReplyDeliveriesPage>(`${code(accountId, id)}/deliveries`, {
    query: { page, pageSize: 20 },
    signal,
  });

export const getStatsSummary = (accountId: string, range: DayRange, signal?: AbortSignal) =>
  request<StatsSummary>(`/api/accounts/${accountId}/stats/summary`, { query: range, signal });

export const exportCodeFans = (accountId: string, id: string, body: FansExportBody) =>
  request<{ job: Job }>(`${code(accountId, id)}/fans/export`, { json: body }).then((r) => r.job);

export const exportScans = (accountId: string, body: ScansExportBody) =>
  request<{ job: Job }>(`/api/accounts/${accountId}/scans/export`, { json: body }).then(
    (r) => r.job,
  );
