import { request } from "./client";
import type { Media } from "./types";

/** Uploads an image, voice or video for replies; it is kept in R2 and sent to WeChat as media. */
export async function uploadMedia(
  accountId: string,
  file: File,
  kind: Media["kind"],
): Promise<Media> {
  const form = new FormData();
  form.set("file", file);
  form.set("kind", kind);
  const r = await request<{ media: Media }>(`/api/accounts/${accountId}/media`, { form });
  return r.media;
}

export const mediaContentUrl = (accountId: string, id: string) =>
  `/api/accounts/${accountId}/media/${id}/content`;
