import { and, asc, count, eq, gt, inArray, type SQL } from "drizzle-orm";
import { z } from "zod";
import { newArtifactKey, registerArtifact } from "../artifacts/store-artifact";
import { type Db, getDb } from "../db/client";
import { contacts, qrcodes, userAccounts, users } from "../db/schema";
import { writeStreamToR2 } from "../files/r2-multipart";
import type { SpreadsheetWriter } from "../files/sheet-types";
import { createXlsxWriter, XLSX_CONTENT_TYPE } from "../files/xlsx-writer";
import { type JobRow, registerJobRunner } from "../jobs/runners";
import { finishJob, setJobProgress } from "../jobs/service";
import { throttledProgress } from "../jobs/throttled-progress";
import { log } from "../lib/log";
import type { Visibility } from "./contact-visibility";
import { contactExtras, contactWhere } from "./list-contacts";

const PAGE = 500;

export const contactsExportParamsSchema = z.object({
  userId: z.string(),
  filter: z.object({
    q: z.string().optional(),
    memberTagId: z.string().optional(),
    qrcodeId: z.string().optional(),
  }),
});
export type ContactsExportParams = z.infer<typeof contactsExportParamsSchema>;

const HEADERS = {
  "zh-CN": [
    "姓名",
    "手机号",
    "邮箱",
    "会员标签",
    "来源二维码",
    "关联粉丝",
    "其他信息",
    "创建时间",
    "更新时间",
  ],
  en: [
    "Name",
    "Mobile",
    "Email",
    "Member tags",
    "Source QR code",
    "Linked fans",
    "Other answers",
    "Created",
    "Updated",
  ],
};

/**
 * The exporting user's visibility, read when the job runs: access removed
 * since the export was asked for is respected, and a deactivated user gets
 * nothing.
 */
async function exportingUser(db: Db, userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.status !== "active") return null;
  const visible: Visibility =
    user.role === "owner"
      ? "all"
      : (
          await db
            .select({ id: userAccounts.accountId })
            .from(userAccounts)
            .where(eq(userAccounts.userId, userId))
        ).map((r) => r.id);
  return { visible, locale: user.locale === "en" ? ("en" as const) : ("zh-CN" as const) };
}

async function codeNames(db: Db, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .select({ id: qrcodes.id, name: qrcodes.name })
    .from(qrcodes)
    .where(inArray(qrcodes.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function writeRows(
  db: Db,
  jobId: string,
  visible: Visibility,
  where: SQL | undefined,
  xlsx: SpreadsheetWriter,
) {
  const report = throttledProgress(db, jobId);
  let lastId = "";
  for (;;) {
    const rows = await db
      .select()
      .from(contacts)
      .where(and(where, gt(contacts.id, lastId)))
      .orderBy(asc(contacts.id))
      .limit(PAGE);
    if (!rows.length) break;
    const extras = await contactExtras(
      db,
      visible,
      rows.map((r) => r.id),
    );
    const names = await codeNames(db, [
      ...new Set(rows.flatMap((r) => (r.sourceQrcodeId ? [r.sourceQrcodeId] : []))),
    ]);
    for (const c of rows) {
      await xlsx.addRow([
        c.name,
        c.mobile,
        c.email,
        (extras.tags.get(c.id) ?? []).map((t) => t.name).join(", "),
        c.sourceQrcodeId ? (names.get(c.sourceQrcodeId) ?? c.sourceQrcodeId) : null,
        extras.fanCounts.get(c.id) ?? 0,
        Object.keys(c.fields).length ? JSON.stringify(c.fields) : null,
        new Date(c.createdAt),
        new Date(c.updatedAt),
      ]);
    }
    lastId = rows[rows.length - 1]?.id ?? lastId;
    await report({ done: xlsx.rowCount, failed: 0 });
  }
  await report({ done: xlsx.rowCount, failed: 0 }, { force: true });
  await xlsx.finish();
}

/**
 * `contacts_export`: every contact the user may see that matches the
 * filter, one row each, streamed page by page (keyset on id) into an XLSX
 * in R2. Restarting after a crash starts the file again; nothing partial is
 * ever registered.
 */
export async function runContactsExport(env: Env, job: JobRow) {
  const db = getDb(env.DB);
  const params = contactsExportParamsSchema.parse(job.params);
  const user = await exportingUser(db, params.userId);
  if (!user) {
    await finishJob(db, job.id, { status: "failed", error: "The user who asked for it is gone" });
    return { retry: false } as const;
  }
  const where = contactWhere(user.visible, params.filter);
  const [total] = await db.select({ n: count() }).from(contacts).where(where);
  await setJobProgress(db, job.id, { done: 0, failed: 0, total: total?.n ?? 0 });

  const xlsx = createXlsxWriter({
    sheetName: user.locale === "en" ? "Contacts" : "联系人",
    columns: HEADERS[user.locale].map((header) => ({ header })),
  });
  const r2Key = newArtifactKey("xlsx", null);
  const uploaded = writeStreamToR2(env.ARTIFACTS, r2Key, xlsx.stream, {
    contentType: XLSX_CONTENT_TYPE,
  });
  let size: number;
  try {
    // Together: if the upload fails, the row writer waiting on backpressure must not hang the job.
    [, size] = await Promise.all([writeRows(db, job.id, user.visible, where, xlsx), uploaded]);
  } catch (err) {
    await env.ARTIFACTS.delete(r2Key);
    throw err;
  }

  const stamp = new Date().toISOString().slice(0, 10);
  const artifact = await registerArtifact(db, {
    accountId: null,
    jobId: job.id,
    kind: "xlsx",
    fileName: user.locale === "en" ? `contacts-${stamp}.xlsx` : `联系人-${stamp}.xlsx`,
    contentType: XLSX_CONTENT_TYPE,
    size,
    r2Key,
  });
  await finishJob(db, job.id, {
    status: "succeeded",
    artifactId: artifact.id,
    result: { rows: xlsx.rowCount },
  });
  log.info("contacts export finished", { jobId: job.id, rows: xlsx.rowCount });
  return { retry: false } as const;
}

registerJobRunner("contacts_export", runContactsExport);
