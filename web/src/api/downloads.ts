import { request } from "./client";
import type { Job, ListQrCodesQuery } from "./types";

// TODO(#4): type the body from the server's schema once src/downloads/routes.ts defines it.
export type DownloadBody = (
  | { ids: string[] }
  | { groupId: string }
  | { filter: Pick<ListQrCodesQuery, "q" | "groupId" | "kind" | "status"> }
) & { format: "png" | "svg"; size: number; caption?: boolean };

/** A ZIP of code images and a manifest, written by a queued job. */
export const startQrDownload = (accountId: string, body: DownloadBody) =>
  request<{ job: Job }>(`/api/accounts/${accountId}/qrcodes/downloads`, { json: body }).then(
    (r) => r.job,
  );
