import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../src/db/client";
import { jobItems } from "../../../src/db/schema";
import type { AccountRow } from "../../../src/http/types";
import type { BatchCreateParams } from "../../../src/imports/batch-params";
import { loadImport } from "../../../src/imports/import-store";
import { writeBatchItems } from "../../../src/imports/write-batch-items";
import { issueQrTicket } from "../../../src/qrcodes/issue-ticket";
import { issueAndStoreQrCode } from "../../../src/qrcodes/store-qrcode";

/**
 * Leaves a batch as a run that crashed halfway would: its items written,
 * rows 0-5 stored (row 5's item never marked done), and WeChat asked for
 * row 6's scene with nothing stored. Seven WeChat create calls in all.
 */
export async function simulateCrashedRun(
  db: Db,
  accountId: string,
  jobId: string,
  params: BatchCreateParams,
) {
  const record = await loadImport(env.ARTIFACTS, accountId, params.importId);
  const account: AccountRow | undefined = await db.query.accounts.findFirst({
    where: (a, { eq }) => eq(a.id, accountId),
  });
  if (!record || !account) throw new Error("crashed batch setup: import or account missing");
  await writeBatchItems(db, jobId, params, record);
  for (let i = 0; i <= 5; i++) {
    const made = await issueAndStoreQrCode(
      env,
      db,
      account,
      {
        name: `Row ${i}`,
        kind: "temporary",
        group: { kind: "none" },
        fanTagIds: [],
        memberTagIds: [],
        reply: [],
        autoRenew: false,
      },
      { scene: params.firstScene + i, idempotencyKey: `${jobId}:${i}`, createdBy: null },
    );
    if (!made.ok) throw new Error("crashed batch setup: create failed");
    if (i < 5) {
      await db
        .update(jobItems)
        .set({ status: "done", resultId: made.code.id })
        .where(and(eq(jobItems.jobId, jobId), eq(jobItems.rowIndex, i)));
    }
  }
  await issueQrTicket(env, account, {
    kind: "temporary",
    scene: String(params.firstScene + 6),
    validityDays: 30,
  });
}
