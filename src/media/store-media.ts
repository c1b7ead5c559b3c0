import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { media } from "../db/schema";
import { AppError } from "../http/errors";
import { qrFileName } from "../images/file-names";
import { newId } from "../lib/ids";
import { MAX_MEDIA_BYTES, sniffMedia } from "./sniff-media";

export type MediaRow = typeof media.$inferSelect;

export function presentMedia(m: MediaRow) {
  return {
    id: m.id,
    kind: m.kind,
    fileName: m.fileName,
    contentType: m.contentType,
    size: m.size,
    onWechatUntil: m.wechatMediaId ? m.wechatMediaExpiresAt : null,
    createdAt: m.createdAt,
  };
}

/** Checks what the file is and its size, keeps it in R2 and records it. Throws AppError when refused. */
export async function storeMediaOrThrow(
  db: Db,
  bucket: R2Bucket,
  accountId: string,
  file: File,
): Promise<MediaRow> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sniffed = sniffMedia(bytes.subarray(0, 16));
  if (!sniffed) {
    throw new AppError(
      "invalid_file",
      "Upload a PNG or JPEG image, an AMR or MP3 voice file, or an MP4 video",
    );
  }
  const max = MAX_MEDIA_BYTES[sniffed.kind];
  if (bytes.byteLength > max) {
    throw new AppError(
      "payload_too_large",
      `A ${sniffed.kind} may be at most ${max / 1024 / 1024} MB`,
    );
  }
  if (bytes.byteLength === 0) throw new AppError("invalid_file", "The file is empty");

  const id = newId("med");
  const r2Key = `media/${accountId}/${id}.${sniffed.extension}`;
  await bucket.put(r2Key, bytes, { httpMetadata: { contentType: sniffed.contentType } });
  // The name is shown and sent to WeChat, never used as a path: still, no separators or controls.
  const baseName = file.name.replace(/\.[^.]*$/, "");
  const [row] = await db
    .insert(media)
    .values({
      id,
      accountId,
      kind: sniffed.kind,
      fileName: qrFileName(baseName, sniffed.extension, "upload"),
      contentType: sniffed.contentType,
      size: bytes.byteLength,
      r2Key,
      createdAt: Date.now(),
    })
    .returning();
  if (!row) throw new Error("media insert returned nothing");
  return row;
}

export async function listMedia(db: Db, accountId: string) {
  return db
    .select()
    .from(media)
    .where(eq(media.accountId, accountId))
    .orderBy(desc(media.createdAt))
    .limit(500);
}

export async function findMedia(db: Db, accountId: string, id: string) {
  const [row] = await db
    .select()
    .from(media)
    .where(and(eq(media.id, id), eq(media.accountId, accountId)))
    .limit(1);
  return row;
}
