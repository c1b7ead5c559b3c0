import type { Context } from "hono";
import type { Db } from "../db/client";
import { auditLog } from "../db/schema";
import type { AppEnv } from "../http/types";

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  accountId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

// Any key that names a secret is recorded only as changed or not, never its value.
const SECRET_KEY = /secret|password|token|aes|passwordHash/i;

/** A copy safe to store: secret-looking fields replaced by a marker. */
export function redactForAudit(value: Record<string, unknown> | null | undefined) {
  if (!value) return null;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? (v === null || v === undefined ? null : "[redacted]") : v;
  }
  return out;
}

/** The insert for one audit entry; callers add it to the same db.batch as the change. */
export function auditInsert(db: Db, c: Context<AppEnv>, entry: AuditEntry) {
  return db.insert(auditLog).values({
    userId: c.get("auth")?.userId ?? null,
    accountId: entry.accountId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: redactForAudit(entry.before),
    after: redactForAudit(entry.after),
    requestId: c.get("requestId") ?? "",
    createdAt: Date.now(),
  });
}

/** One audit insert, to put into the batch of the change it records. */
export type AuditStatement = ReturnType<typeof auditInsert>;

/** Records a change on its own, for changes that are a single statement already. */
export async function recordAudit(db: Db, c: Context<AppEnv>, entry: AuditEntry) {
  await auditInsert(db, c, entry);
}
