import { request } from "./client";

// TODO(#5): type from the server's media schema once POST /api/accounts/{id}/media lands.
export type UploadedMedia = { id: string; fileName?: string; url?: string };

/** Uploads an image, voice or video for replies; it is kept in R2 and sent to WeChat as media. */
export async function uploadMedia(
  accountId: string,
  file: File,
  kind: string,
): Promise<UploadedMedia> {
  const form = new FormData();
  form.set("file", file);
  form.set("type", kind);
  const r = await request<{ media?: UploadedMedia } & Partial<UploadedMedia>>(
    `/api/accounts/${accountId}/media`,
    { form },
  );
  const media = r.media ?? (r.id ? { id: r.id, fileName: r.fileName, url: r.url } : undefined);
  if (!media) throw new Error("media upload answered without an id");
  return media;
}
