import { env } from "cloudflare:workers";
import { call } from "../helpers";

export type AuditEntryBody = {
  id: number;
  userId: string | null;
  accountId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string;
};

/** The entries the caller sees through GET /api/audit for this filter, newest first. */
export async function auditEntries(
  headers: Record<string, string>,
  filter: Record<string, string> = {},
): Promise<AuditEntryBody[]> {
  const query = new URLSearchParams({ limit: "200", ...filter });
  const res = await call(`/api/audit?${query}`, { headers });
  if (res.status !== 200) throw new Error(`audit list failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { entries: AuditEntryBody[] }).entries;
}

/** The one entry with this action about this thing; fails when there is none or several. */
export async function onlyEntry(
  headers: Record<string, string>,
  entityId: string,
  action: string,
): Promise<AuditEntryBody> {
  const matching = (await auditEntries(headers, { entityId })).filter((e) => e.action === action);
  if (matching.length !== 1) {
    throw new Error(`expected one ${action} of ${entityId}, found ${matching.length}`);
  }
  return matching[0] as AuditEntryBody;
}

/** The signed-in caller's user id, to check who an entry names. */
export async function userIdOf(headers: Record<string, string>): Promise<string> {
  const res = await call("/api/auth/me", { headers });
  return ((await res.json()) as { user: { id: string } }).user.id;
}

/** Every stored entry's before and after as one text, read from D1 past any visibility rule. */
export async function wholeAuditLogText(): Promise<string> {
  const { results } = await env.DB.prepare(
    "select action, entity_type, entity_id, before, after from audit_log",
  ).all();
  return JSON.stringify(results);
}
