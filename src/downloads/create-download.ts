import type { Db } from "../db/client";
import type { AccountRow } from "../http/types";
import type { JobRow } from "../jobs/runners";
import { createJob } from "../jobs/service";
import { imagePixels } from "../qrcodes/render-code-image";
import {
  type CodeSelection,
  type CreateDownloadInput,
  MAX_ZIP_CODES,
  type ZipParams,
} from "./schemas";
import { countSelectedCodes } from "./select-codes";

export type CreateDownloadResult =
  | { ok: true; job: JobRow }
  | { ok: false; reason: "bad_request" | "limit_exceeded"; message: string };

function selectionOf(input: CreateDownloadInput): CodeSelection {
  if (input.ids) return { ids: [...new Set(input.ids)] };
  if (input.groupId) return { filter: { groupId: input.groupId } };
  return { filter: input.filter ?? {} };
}

/** Counts the selection now, so the job's total is known, and queues the `qrcode_zip` job. */
export async function createDownload(
  env: Env,
  db: Db,
  account: AccountRow,
  input: CreateDownloadInput,
  createdBy: string | null,
): Promise<CreateDownloadResult> {
  const selection = selectionOf(input);
  const total = await countSelectedCodes(db, account.id, selection);
  if (total === 0)
    return { ok: false, reason: "bad_request", message: "No codes match the selection" };
  if (total > MAX_ZIP_CODES) {
    const message = `A download holds at most ${MAX_ZIP_CODES.toLocaleString("en-US")} codes; ${total.toLocaleString("en-US")} match. Narrow the selection.`;
    return { ok: false, reason: "limit_exceeded", message };
  }
  const params: ZipParams = {
    selection,
    format: input.format,
    size: imagePixels(input.size, input.cm),
    caption: input.caption,
  };
  const job = await createJob(db, env.JOBS, {
    accountId: account.id,
    type: "qrcode_zip",
    total,
    params,
    createdBy,
  });
  return { ok: true, job };
}
