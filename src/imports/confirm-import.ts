import type { Db } from "../db/client";
import { findOrCreateGroup } from "../groups/find-or-create-group";
import type { AccountRow } from "../http/types";
import type { JobRow } from "../jobs/runners";
import { createJob, getJob } from "../jobs/service";
import { PERMANENT_CAP_MESSAGE, remainingPermanentCodes } from "../qrcodes/permanent-cap";
import { resolveCodeSettings } from "../qrcodes/resolve-code-settings";
import { reserveScenes } from "../qrcodes/scenes";
import type { BatchCreateParams } from "./batch-params";
import { IMPORT_TTL_MS, loadImport, markImportConfirmed } from "./import-store";
import type { ConfirmImportInput } from "./schemas";

export type ConfirmImportResult =
  | { ok: true; job: JobRow; replayed: boolean }
  | { ok: false; reason: "not_found" | "bad_request" | "limit_exceeded" | "gone"; message: string };

/**
 * Turns a previewed import into a `qrcode_batch_create` job with the shared
 * settings. One scene per row is reserved now, as one block, so that a
 * resumed job keeps each row's scene. Confirming twice answers the same job.
 */
export async function confirmImport(
  env: Env,
  db: Db,
  account: AccountRow,
  importId: string,
  input: ConfirmImportInput,
  createdBy: string | null,
): Promise<ConfirmImportResult> {
  const record = await loadImport(env.ARTIFACTS, account.id, importId);
  if (!record) return { ok: false, reason: "not_found", message: "Import not found" };
  if (record.jobId) {
    const job = await getJob(db, record.jobId);
    if (job) return { ok: true, job, replayed: true };
  }
  if (Date.now() - record.createdAt > IMPORT_TTL_MS) {
    return { ok: false, reason: "gone", message: "This upload has expired; upload the file again" };
  }

  const refs = await resolveCodeSettings(db, account.id, input);
  if (!refs.ok) return refs;
  if (input.kind === "permanent" && (await remainingPermanentCodes(db, account.id)) < 1) {
    return { ok: false, reason: "limit_exceeded", message: PERMANENT_CAP_MESSAGE };
  }
  const groupId =
    refs.group?.kind === "new"
      ? (await findOrCreateGroup(db, account.id, refs.group.name)).id
      : refs.group?.kind === "existing"
        ? refs.group.id
        : null;

  const firstScene = await reserveScenes(db, account.id, record.rows.length);
  const params: BatchCreateParams = {
    importId,
    fileName: record.fileName,
    firstScene,
    skipProblemRows: input.skipProblemRows,
    settings: {
      kind: input.kind,
      validityDays: input.kind === "temporary" ? (input.validityDays ?? 30) : null,
      groupId,
      fanTagIds: input.fanTagIds,
      memberTagIds: input.memberTagIds,
      reply: input.reply,
      autoRenew: input.kind === "temporary" && input.autoRenew,
      formId: input.formId ?? null,
    },
  };
  const job = await createJob(db, env.JOBS, {
    accountId: account.id,
    type: "qrcode_batch_create",
    total: record.rows.length,
    params,
    createdBy,
  });
  await markImportConfirmed(env.ARTIFACTS, record, job.id);
  return { ok: true, job, replayed: false };
}
