import { getDb } from "../db/client";
import type { JobRow } from "../jobs/runners";
import { registerJobRunner } from "../jobs/runners";
import { finishJob } from "../jobs/service";
import { throttledProgress } from "../jobs/throttled-progress";
import { codeFansQuery, readCodeFans } from "../stats/list-code-fans";
import { fanColumns, fanRow } from "./columns";
import { fansExportParamsSchema } from "./schemas";
import { writeSpreadsheetExport } from "./write-export";

/**
 * Rows read from D1 per query: a million rows take 200 queries, well inside
 * D1's 1,000 per invocation, and a page (about 1 MB) keeps memory flat.
 */
export const EXPORT_PAGE_ROWS = 5000;

/**
 * A code's fan list (with the console's filter) as XLSX or CSV. Pages are
 * read by keyset (latest scan, fan id), never by offset, so the millionth
 * row costs what the first did. A crashed run starts again from the top:
 * the file is only registered once complete.
 */
export async function runFansExport(env: Env, job: JobRow) {
  const db = getDb(env.DB);
  const params = fansExportParamsSchema.parse(job.params);
  const accountId = job.accountId ?? "";
  const [account, code] = await Promise.all([
    db.query.accounts.findFirst({ where: (a, { eq }) => eq(a.id, accountId) }),
    db.query.qrcodes.findFirst({
      where: (q, { and, eq }) => and(eq(q.id, params.qrcodeId), eq(q.accountId, accountId)),
    }),
  ]);
  if (!account || !code) {
    await finishJob(db, job.id, {
      status: "failed",
      error: "The code or its account no longer exists",
    });
    return { retry: false } as const;
  }

  const language = params.language;
  const written = await writeSpreadsheetExport(env, {
    accountId,
    jobId: job.id,
    format: params.format,
    fileName: `${code.name}-${language === "zh-CN" ? "粉丝" : "fans"}`,
    sheetName: language === "zh-CN" ? "粉丝" : "Fans",
    columns: fanColumns(language),
    timeZone: account.timeZone,
    produce: async (addRow) => {
      const report = throttledProgress(db, job.id);
      let after: { lastScanAt: number; fanId: string } | undefined;
      let done = 0;
      for (;;) {
        const statement = codeFansQuery(env.DB, accountId, code.id, params, {
          limit: EXPORT_PAGE_ROWS,
          ...(after ? { after } : {}),
        });
        const page = await readCodeFans(db, accountId, statement);
        for (const fan of page) await addRow(fanRow(fan, language));
        done += page.length;
        const last = page.at(-1);
        const finished = !last || page.length < EXPORT_PAGE_ROWS;
        await report({ done, failed: 0 }, { force: finished });
        if (!last || finished) break;
        after = { lastScanAt: last.lastScanAt, fanId: last.fanId };
      }
    },
  });
  await finishJob(db, job.id, {
    status: "succeeded",
    artifactId: written.artifact.id,
    result: { rows: written.rows, bytes: written.size },
  });
  return { retry: false } as const;
}

registerJobRunner("fans_export", runFansExport);
