import { request } from "./client";
import type { Job, ListQrCodesQuery } from "./types";

/**
 * createDownloadBodySchema of src/downloads/schemas.ts, mirrored: inferring
 * it pulls the Worker's image code (and its Env types) into the console build.
 * Exactly one of ids, groupId or filter.
 */
export type DownloadBody = {
  ids?: string[];
  groupId?: string;
  filter?: Pick<ListQrCodesQuery, "q" | "groupId" | "kind" | "status">;
  format?: "png" | "svg";
  size?: number;
  cm?: number;
  caption?: boolean;
};

/** A ZIP of code images and a manifest, written by a queued job. */
export const startQrDownload = (accountId: string, body: DownloadBody) =>
  request<{ job: Job }>(`/api/accounts/${accountId}/qrcodes/downloads`, { json: body }).then(
    (r) => r.job,
  );
