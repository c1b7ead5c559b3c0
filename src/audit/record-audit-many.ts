import { sql } from "drizzle-orm";
import type { Context } from "hono";
import type { Db } from "../db/client";
import type { AppEnv } from "../http/types";
import { type AuditEntry, redactForAudit } from "./record-audit";

type AuditItem = Pick<AuditEntry, "entityId" | "before" | "after">;

/**
 * One entry per item of a bulk change (codes deleted or moved together), so
 * each thing's history lists it. All items bind as one JSON parameter of one
 * INSERT … SELECT: D1 caps the bound parameters of a statement and the
 * statements of an invocation, and a bulk action may name 500 codes.
 */
export async function recordAuditMany(
  db: Db,
  c: Context<AppEnv>,
  entry: Pick<AuditEntry, "action" | "entityType" | "accountId">,
  items: AuditItem[],
) {
  if (!items.length) return;
  const rows = JSON.stringify(
    items.map((i) => ({
      entityId: i.entityId,
      before: redactForAudit(i.before),
      after: redactForAudit(i.after),
    })),
  );
  await db.run(sql`insert into audit_log
      (user_id, account_id, action, entity_type, entity_id, before, after, request_id, created_at)
    select ${c.get("auth")?.userId ?? null}, ${entry.accountId ?? null}, ${entry.action},
      ${entry.entityType}, json_extract(value, '$.entityId'), json_extract(value, '$.before'),
      json_extract(value, '$.after'), ${c.get("requestId") ?? ""}, ${Date.now()}
    from json_each(${rows})`);
}
