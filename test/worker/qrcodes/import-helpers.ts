import { call, jsonInit } from "../helpers";
import { codesPath } from "./helpers";

export type PreviewBody = {
  import: {
    id: string;
    total: number;
    problemCount: number;
    encoding: string | null;
    rows: { row: number; name: string; group: string; problems: string[] }[];
  };
};

export type JobBody = {
  job: {
    id: string;
    status: string;
    total: number;
    done: number;
    failed: number;
    result: Record<string, unknown>;
    downloadUrl: string | null;
  };
};

export async function uploadNames(
  accountId: string,
  bytes: Uint8Array | string,
  fileName: string,
  headers: Record<string, string>,
) {
  const form = new FormData();
  form.append("file", new File([bytes], fileName));
  return call(codesPath(accountId, "/imports"), { method: "POST", body: form, headers });
}

export async function previewNames(
  accountId: string,
  bytes: Uint8Array | string,
  fileName: string,
  headers: Record<string, string>,
): Promise<PreviewBody["import"]> {
  const res = await uploadNames(accountId, bytes, fileName, headers);
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as PreviewBody).import;
}

export async function confirmImport(
  accountId: string,
  importId: string,
  body: Record<string, unknown>,
  headers: Record<string, string>,
) {
  return call(
    codesPath(accountId, `/imports/${importId}/confirm`),
    jsonInit("POST", body, headers),
  );
}

/**
 * Polls the job until it ends; the queue consumer runs it in the background.
 * Polls slow down after two seconds: each one costs D1 queries the job needs.
 */
export async function waitForJob(
  jobId: string,
  headers: Record<string, string>,
  timeoutMs = 60_000,
): Promise<JobBody["job"]> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  for (;;) {
    const res = await call(`/api/jobs/${jobId}`, { headers });
    const { job } = (await res.json()) as JobBody;
    if (job.status === "succeeded" || job.status === "failed") return job;
    if (Date.now() > deadline)
      throw new Error(`job ${jobId} still ${job.status} (${job.done}/${job.total})`);
    const pause = Date.now() - started < 2000 ? 100 : 1000;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}
