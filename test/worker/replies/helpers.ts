import { env } from "cloudflare:workers";
import { createUserWithToken } from "../factories/users";
import { createTestAccount } from "../factories/wechat-accounts";
import { call, jsonInit } from "../helpers";

export type Headers = Record<string, string>;

/** A sandbox account (plaintext pushes, so answers read easily) and an owner's token headers. */
export async function sandboxSetup(timeZone = "Asia/Shanghai") {
  const { account } = await createTestAccount({ messageMode: "plaintext", timeZone });
  const { headers } = await createUserWithToken("owner");
  return { account, headers };
}

export async function createCode(
  accountId: string,
  headers: Headers,
  body: Record<string, unknown>,
) {
  const res = await call(
    `/api/accounts/${accountId}/qrcodes`,
    jsonInit(
      "POST",
      { kind: "permanent", name: `code ${crypto.randomUUID().slice(0, 8)}`, ...body },
      headers,
    ),
  );
  if (res.status !== 201) throw new Error(`code create failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { qrcode: { id: string; scene: string } }).qrcode;
}

export type Delivery = {
  openid: string;
  event: string;
  answer: { kind: string; msgType?: string; fields?: Record<string, string> };
};

export async function simulate(
  accountId: string,
  headers: Headers,
  scans: Record<string, unknown>[],
) {
  const res = await call(
    `/api/accounts/${accountId}/sandbox/scans`,
    jsonInit("POST", { scans }, headers),
  );
  if (res.status !== 200) throw new Error(`simulate failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { deliveries: Delivery[] }).deliveries;
}

/** Polls until `check` returns a value, for work the queue or an alarm does after the answer. */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function pendingDeliveries(qrcodeId: string): Promise<number> {
  const row = await env.DB.prepare(
    "SELECT count(*) AS n FROM reply_deliveries WHERE qrcode_id = ? AND status = 'pending'",
  )
    .bind(qrcodeId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** Waits until the code's customer-service messages are all sent or failed. */
export async function settled(qrcodeId: string, expectedRows: number) {
  await eventually(async () => {
    const row = await env.DB.prepare(
      "SELECT count(*) AS n FROM reply_deliveries WHERE qrcode_id = ?",
    )
      .bind(qrcodeId)
      .first<{ n: number }>();
    return (row?.n ?? 0) >= expectedRows && (await pendingDeliveries(qrcodeId)) === 0;
  });
}

export type SandboxMessage = {
  body: Record<string, unknown> & { msgtype: string; touser: string };
};

/** Customer-service messages the sandbox accepted, oldest first. */
export async function sandboxMessages(
  accountId: string,
  headers: Headers,
): Promise<SandboxMessage[]> {
  const res = await call(`/api/accounts/${accountId}/sandbox/messages?limit=500`, { headers });
  const { messages } = (await res.json()) as { messages: SandboxMessage[] };
  return messages.reverse();
}

/** A few bytes that sniff as each kind; the sandbox checks sizes, not content. */
export const SAMPLE_FILES = {
  png: new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
  ]),
  mp3: new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0, 0xff, 0xfb, 0x90, 0x64, 0, 0]),
  mp4: new Uint8Array([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 2, 0]),
};

export async function uploadMedia(
  accountId: string,
  headers: Headers,
  bytes: Uint8Array,
  name: string,
) {
  const form = new FormData();
  form.append("file", new File([bytes], name, { type: "application/octet-stream" }));
  const res = await call(`/api/accounts/${accountId}/media`, {
    method: "POST",
    body: form,
    headers,
  });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { media: { id: string; kind: string } }).media;
}
