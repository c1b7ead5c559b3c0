import { request } from "./client";
import type { ConfirmImportBody, ImportPreview, Job } from "./types";

const imports = (accountId: string) => `/api/accounts/${accountId}/qrcodes/imports`;

/** Uploads a names file (CSV in UTF-8 or GBK, or XLSX); answers the rows and their problems. */
export function uploadImport(accountId: string, file: File): Promise<ImportPreview> {
  const form = new FormData();
  form.set("file", file);
  return request<{ import: ImportPreview }>(imports(accountId), { form }).then((r) => r.import);
}

export const getImport = (accountId: string, importId: string, signal?: AbortSignal) =>
  request<{ import: ImportPreview }>(`${imports(accountId)}/${importId}`, { signal }).then(
    (r) => r.import,
  );

export const confirmImport = (accountId: string, importId: string, body: ConfirmImportBody) =>
  request<{ job: Job }>(`${imports(accountId)}/${importId}/confirm`, { json: body }).then(
    (r) => r.job,
  );
