import { eq } from "drizzle-orm";
import { newArtifactKey, registerArtifact } from "../artifacts/store-artifact";
import { type Db, getDb } from "../db/client";
import { accounts } from "../db/schema";
import { writeStreamToR2 } from "../files/r2-multipart";
import type { CellValue } from "../files/sheet-types";
import { createZipWriter } from "../files/zip-writer";
import type { AccountRow } from "../http/types";
import { createUniqueNamer, qrFileName } from "../images/file-names";
import { type JobRow, registerJobRunner } from "../jobs/runners";
import { finishJob, setJobProgress } from "../jobs/service";
import { log } from "../lib/log";
import { renderCodeImage } from "../qrcodes/render-code-image";
import { addManifest, loadManifestLabels, manifestRow } from "./manifest";
import { type ZipParams, zipParamsSchema } from "./schemas";
import { selectedCodePages } from "./select-codes";

const ZIP_CONTENT_TYPE = "application/zip";
const encoder = new TextEncoder();

/**
 * `qrcode_zip`: renders each selected code and streams the images, then the
 * manifest, through B's ZIP writer into an R2 multipart upload, so neither
 * the images nor the archive are ever held whole. A run that dies starts
 * over on retry with a fresh key; R2 drops the abandoned upload.
 */
export async function runZipDownload(env: Env, job: JobRow) {
  const db = getDb(env.DB);
  const params = zipParamsSchema.parse(job.params);
  const account = await db.query.accounts.findFirst({
    where: eq(accounts.id, job.accountId ?? ""),
  });
  if (!account || account.deletedAt !== null) {
    await finishJob(db, job.id, { status: "failed", error: "The account was deleted" });
    return { retry: false } as const;
  }

  const key = newArtifactKey("zip", account.id);
  const zip = createZipWriter();
  const upload = writeStreamToR2(env.ARTIFACTS, key, zip.stream, { contentType: ZIP_CONTENT_TYPE });
  let count = 0;
  try {
    count = await writeEntries(db, job, account, params, zip);
    await zip.finish();
  } catch (err) {
    zip.stream.cancel(err).catch(() => undefined);
    await upload.catch(() => undefined);
    throw err;
  }
  const size = await upload;

  const fileName = qrFileName(`${account.name} QR codes`, "zip");
  const artifact = await registerArtifact(db, {
    accountId: account.id,
    jobId: job.id,
    kind: "zip",
    fileName,
    contentType: ZIP_CONTENT_TYPE,
    size,
    r2Key: key,
  });
  await setJobProgress(db, job.id, { done: count, failed: 0 });
  await finishJob(db, job.id, {
    status: "succeeded",
    artifactId: artifact.id,
    result: { count, fileName, size },
  });
  log.info("qrcode zip written", { jobId: job.id, count, size });
  return { retry: false } as const;
}

async function writeEntries(
  db: Db,
  job: JobRow,
  account: AccountRow,
  params: ZipParams,
  zip: ReturnType<typeof createZipWriter>,
): Promise<number> {
  const labels = await loadManifestLabels(db, account.id);
  const uniqueName = createUniqueNamer();
  const manifest: CellValue[][] = [];
  for await (const page of selectedCodePages(db, account.id, params.selection)) {
    for (const code of page) {
      const image = await renderCodeImage(code, params);
      const fileName = uniqueName(image.fileName);
      const bytes = typeof image.body === "string" ? encoder.encode(image.body) : image.body;
      await zip.addFile(fileName, bytes);
      manifest.push(manifestRow(code, fileName, labels));
    }
    await setJobProgress(db, job.id, { done: manifest.length, failed: 0 });
  }
  await addManifest(zip, manifest, account.timeZone);
  return manifest.length;
}

registerJobRunner("qrcode_zip", (env, job) => runZipDownload(env, job));
