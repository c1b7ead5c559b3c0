import { buildUrl, request } from "./client";

/**
 * Mirrors `auditEntrySchema` in src/audit/routes.ts: the schema is private to
 * that routes module, which would pull the Worker's D1 types into this build.
 */
export type AuditEntry = {
  id: number;
  userId: string | null;
  accountId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string;
  createdAt: number;
};

export type AuditFilter = {
  accountId?: string;
  entityType?: string;
  entityId?: string;
  userId?: string;
};

export type AuditPage = { entries: AuditEntry[]; nextBefore: number | null };

export const listAudit = (
  filter: AuditFilter,
  page: { limit?: number; before?: number },
  signal?: AbortSignal,
) => request<AuditPage>("/api/audit", { query: { ...filter, ...page }, signal });

/** The CSV of the same filter; a plain link, so the browser streams it to a file. */
export const auditExportUrl = (filter: AuditFilter) => buildUrl("/api/audit/export", filter);
