/**
 * Writes a stream of unknown length to R2, within a Worker's memory.
 *
 *   writeStreamToR2(bucket, key, stream, { contentType, partSize? }): Promise<number>  // bytes
 *
 * `R2Bucket.put` needs a known length for a stream, so a ZIP or export of unknown size goes up
 * as a multipart upload: parts of exactly `partSize` bytes (R2: at least 5 MiB, all equal but
 * the last), one part buffer reused. Output under one part is a single `put`. On any failure
 * the upload is aborted, so no half object appears under `key`.
 */

export const R2_MIN_PART_SIZE = 5 * 1024 * 1024;

export type WriteToR2Options = {
  contentType: string;
  /** Bytes per part; at least 5 MiB. Larger parts mean fewer requests and more memory. */
  partSize?: number;
  contentDisposition?: string;
};

export async function writeStreamToR2(
  bucket: R2Bucket,
  key: string,
  stream: ReadableStream<Uint8Array>,
  options: WriteToR2Options,
): Promise<number> {
  const partSize = options.partSize ?? R2_MIN_PART_SIZE;
  if (partSize < R2_MIN_PART_SIZE) throw new RangeError("partSize must be at least 5 MiB");
  const httpMetadata = {
    contentType: options.contentType,
    contentDisposition: options.contentDisposition,
  };

  const buffer = new Uint8Array(partSize);
  let filled = 0;
  let size = 0;
  let upload: R2MultipartUpload | undefined;
  const parts: R2UploadedPart[] = [];

  const flush = async () => {
    upload ??= await bucket.createMultipartUpload(key, { httpMetadata });
    // The part is fully sent when the promise settles, so the buffer can be reused after it.
    parts.push(await upload.uploadPart(parts.length + 1, buffer.subarray(0, filled)));
    filled = 0;
  };

  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      for (let at = 0; at < value.byteLength; ) {
        const take = Math.min(partSize - filled, value.byteLength - at);
        buffer.set(value.subarray(at, at + take), filled);
        filled += take;
        at += take;
        if (filled === partSize) await flush();
      }
    }
    if (!upload) {
      await bucket.put(key, buffer.subarray(0, filled), { httpMetadata });
      return size;
    }
    if (filled > 0) await flush();
    await upload.complete(parts);
    return size;
  } catch (err) {
    await reader.cancel(err).catch(() => undefined);
    await upload?.abort().catch(() => undefined);
    throw err;
  }
}
