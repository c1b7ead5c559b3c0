import type { Db } from "../db/client";
import { createCsvWriter } from "../files/csv-writer";
import { errorFields, log } from "../lib/log";
import { type AuditFilter, type AuditVisibility, listAudit } from "./list-audit";

const PAGE = 500;
const COLUMNS = [
  { header: "time" },
  { header: "user" },
  { header: "account" },
  { header: "action" },
  { header: "entity type" },
  { header: "entity id" },
  { header: "before" },
  { header: "after" },
  { header: "request id" },
] as const;

/**
 * The filtered audit log as a CSV stream, read page by page while the
 * response is sent, so a long log is never held in memory.
 */
export function auditEntriesCsv(
  db: Db,
  filter: AuditFilter,
  visible: AuditVisibility,
  timeZone = "Asia/Shanghai",
) {
  const csv = createCsvWriter({ columns: COLUMNS, timeZone });
  const write = async () => {
    let before: number | undefined;
    try {
      do {
        const page = await listAudit(db, filter, { limit: PAGE, beforeId: before, visible });
        for (const e of page.entries) {
          await csv.addRow([
            new Date(e.createdAt),
            e.userId,
            e.accountId,
            e.action,
            e.entityType,
            e.entityId,
            e.before ? JSON.stringify(e.before) : "",
            e.after ? JSON.stringify(e.after) : "",
            e.requestId,
          ]);
        }
        before = page.nextBefore ?? undefined;
      } while (before !== undefined);
      await csv.finish();
    } catch (err) {
      // The response is already streaming: failing the stream is the only
      // way left to tell the client the file is incomplete.
      log.error("audit export failed", errorFields(err));
      csv.abort(err);
    }
  };
  return { stream: csv.stream, written: write() };
}
