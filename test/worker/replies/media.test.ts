import { describe, expect, it } from "vitest";
import { call } from "../helpers";
import { SAMPLE_FILES, sandboxSetup, uploadMedia } from "./helpers";

async function upload(
  accountId: string,
  headers: Record<string, string>,
  bytes: Uint8Array,
  name: string,
  type: string,
) {
  const form = new FormData();
  form.append("file", new File([bytes], name, { type }));
  return call(`/api/accounts/${accountId}/media`, { method: "POST", body: form, headers });
}

describe("POST /api/accounts/{accountId}/media", () => {
  it.each([
    ["png", SAMPLE_FILES.png, "image", "image/png"],
    ["mp3", SAMPLE_FILES.mp3, "voice", "audio/mpeg"],
    ["mp4", SAMPLE_FILES.mp4, "video", "video/mp4"],
  ])("recognises a %s by its content", async (_, bytes, kind, contentType) => {
    const { account, headers } = await sandboxSetup();
    const media = await uploadMedia(account.id, headers, bytes, "whatever.bin");
    expect(media).toMatchObject({ kind });
    const res = await call(`/api/accounts/${account.id}/media/${media.id}/content`, { headers });
    expect(res.headers.get("Content-Type")).toBe(contentType);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
  });

  it("refuses a file whose content is not an image, voice or video, whatever it claims", async () => {
    const { account, headers } = await sandboxSetup();
    const res = await upload(
      account.id,
      headers,
      new TextEncoder().encode("<svg onload=alert(1)>"),
      "a.png",
      "image/png",
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("invalid_file");
  });

  it("refuses an image over 2 MB", async () => {
    const { account, headers } = await sandboxSetup();
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(SAMPLE_FILES.png);
    const res = await upload(account.id, headers, big, "big.png", "image/png");
    expect(res.status).toBe(413);
  });

  it("answers 404 for another account's media", async () => {
    const { account, headers } = await sandboxSetup();
    const media = await uploadMedia(account.id, headers, SAMPLE_FILES.png, "a.png");
    const other = await sandboxSetup();
    const res = await call(`/api/accounts/${other.account.id}/media/${media.id}/content`, {
      headers,
    });
    expect(res.status).toBe(404);
  });
});
