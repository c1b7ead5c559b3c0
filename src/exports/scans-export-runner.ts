import { getDb } from "../db/client";
import type { JobRow } from "../jobs/runners";
import { registerJobRunner } from "../jobs/runners";
import { finishJob } from "../jobs/service";
import { throttledProgress } from "../jobs/throttled-progress";
import { namedStatement } from "../scans/named-statement";
import { addDays, zonedDayStart } from "../stats/zoned-day";
import { type ScanExportRow, scanColumns, scanRow } from "./columns";
import { EXPORT_PAGE_ROWS } from "./fans-export-runner";
import { scansExportParamsSchema } from "./schemas";
import { writeSpreadsheetExport } from "./write-export";

type ScanPageRow = {
  id: number;
  occurred_at: number;
  scene: string;
  event: "subscribe" | "SCAN";
  openid: string;
  erased_at: number | null;
  remark: string;
  contact_name: string | null;
};

/**
 * The scan records of several codes in one file, each row naming its code.
 * Code by code, each read by keyset on (time, id) over the
 * (qrcode_id, occurred_at) index; the range is in the account's time zone.
 */
export async function runScansExport(env: Env, job: JobRow) {
  const db = getDb(env.DB);
  const params = scansExportParamsSchema.parse(job.params);
  const accountId = job.accountId ?? "";
  const account = await db.query.accounts.findFirst({ where: (a, { eq }) => eq(a.id, accountId) });
  const found = await db.query.qrcodes.findMany({
    columns: { id: true, name: true },
    where: (q, { and, eq, inArray }) =>
      and(eq(q.accountId, accountId), inArray(q.id, params.qrcodeIds)),
  });
  // The file lists the codes in the order the operator chose them, not the index's order.
  const position = new Map(params.qrcodeIds.map((id, i) => [id, i]));
  const codes = found.sort((x, y) => (position.get(x.id) ?? 0) - (position.get(y.id) ?? 0));
  if (!account || codes.length === 0) {
    await finishJob(db, job.id, {
      status: "failed",
      error: "The codes or their account no longer exist",
    });
    return { retry: false } as const;
  }
  const start = params.from ? zonedDayStart(params.from, account.timeZone) : 0;
  const end = params.to
    ? zonedDayStart(addDays(params.to, 1), account.timeZone)
    : Number.MAX_SAFE_INTEGER;
  const language = params.language;

  const written = await writeSpreadsheetExport(env, {
    accountId,
    jobId: job.id,
    format: params.format,
    fileName: `${language === "zh-CN" ? "扫码记录" : "scans"}-${params.from ?? "all"}-${params.to ?? "now"}`,
    sheetName: language === "zh-CN" ? "扫码记录" : "Scans",
    columns: scanColumns(language),
    timeZone: account.timeZone,
    produce: async (addRow) => {
      const report = throttledProgress(db, job.id);
      let done = 0;
      for (const code of codes) {
        let after = { at: start - 1, id: Number.MAX_SAFE_INTEGER };
        for (;;) {
          const page = await readScanPage(env.DB, accountId, code.id, after, end);
          for (const r of page) {
            const row: ScanExportRow = {
              codeName: code.name,
              scene: r.scene,
              openid: r.openid,
              erased: r.erased_at !== null,
              remark: r.remark,
              contactName: r.contact_name,
              occurredAt: r.occurred_at,
              event: r.event,
            };
            await addRow(scanRow(row, language));
          }
          done += page.length;
          await report({ done, failed: 0 });
          const last = page.at(-1);
          if (!last || page.length < EXPORT_PAGE_ROWS) break;
          after = { at: last.occurred_at, id: last.id };
        }
      }
      await report({ done, failed: 0 }, { force: true });
    },
  });
  await finishJob(db, job.id, {
    status: "succeeded",
    artifactId: written.artifact.id,
    result: { rows: written.rows, bytes: written.size },
  });
  return { retry: false } as const;
}

async function readScanPage(
  d1: D1Database,
  accountId: string,
  qrcodeId: string,
  after: { at: number; id: number },
  end: number,
): Promise<ScanPageRow[]> {
  const statement = namedStatement(
    d1,
    `SELECT s.id, s.occurred_at, s.scene, s.event, f.openid, f.erased_at, f.remark, ct.name AS contact_name
     FROM scans s JOIN fans f ON f.id = s.fan_id LEFT JOIN contacts ct ON ct.id = f.contact_id
     WHERE s.qrcode_id = :code AND s.account_id = :acc AND s.occurred_at < :end
       AND (s.occurred_at > :at OR (s.occurred_at = :at AND s.id > :id))
     ORDER BY s.occurred_at, s.id LIMIT :limit`,
    { code: qrcodeId, acc: accountId, end, at: after.at, id: after.id, limit: EXPORT_PAGE_ROWS },
  );
  return (await statement.all<ScanPageRow>()).results;
}

registerJobRunner("scans_export", runScansExport);
