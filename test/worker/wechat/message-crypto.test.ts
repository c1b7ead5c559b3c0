import { describe, expect, it } from "vitest";
import { base64ToBytes, bytesToBase64 } from "../../../src/lib/encoding";
import { openReply, sealReply } from "../../../src/wechat/envelope";
import { decryptMessage, encryptMessage } from "../../../src/wechat/message-crypto";
import { randomEncodingAesKey } from "../factories/wechat-accounts";

const APP_ID = "wx2c2769f8efd9abc2";
const KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

/** The plaintext layout of wechat.md: 16 random bytes, 4-byte BE length, message, AppID. */
function layout(message: string, appId: string): Uint8Array {
  const msg = new TextEncoder().encode(message);
  const app = new TextEncoder().encode(appId);
  const out = new Uint8Array(20 + msg.length + app.length);
  out.set(crypto.getRandomValues(new Uint8Array(16)));
  new DataView(out.buffer).setUint32(16, msg.length);
  out.set(msg, 20);
  out.set(app, 20 + msg.length);
  return out;
}

async function aesKey() {
  const raw = base64ToBytes(`${KEY}=`);
  const key = await crypto.subtle.importKey("raw", raw, "AES-CBC", false, ["encrypt"]);
  return { key, iv: raw.slice(0, 16) };
}

/** WebCrypto's own AES-CBC: PKCS#7 to 16 bytes, as a 16-byte padder would send. */
async function encrypt16(data: Uint8Array): Promise<string> {
  const { key, iv } = await aesKey();
  return bytesToBase64(
    new Uint8Array(await crypto.subtle.encrypt({ name: "AES-CBC", iv }, key, data)),
  );
}

/** Raw CBC of data already padded by hand (WebCrypto's extra block dropped). */
async function encryptRaw(padded: Uint8Array): Promise<string> {
  const { key, iv } = await aesKey();
  const out = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-CBC", iv }, key, padded));
  return bytesToBase64(out.slice(0, padded.length));
}

function withPad(data: Uint8Array, total: number, padByte: number): Uint8Array {
  const out = new Uint8Array(total).fill(padByte);
  out.set(data);
  return out;
}

describe("encryptMessage and decryptMessage", () => {
  it.each([
    ["ascii", "<xml><Content><![CDATA[hi]]></Content></xml>"],
    ["chinese text", "<xml><Content><![CDATA[你好，欢迎关注]]></Content></xml>"],
    ["exactly one pad block", "x".repeat(32 * 3 - 20 - APP_ID.length)],
  ])("round-trips %s", async (_, xml) => {
    const sealed = await encryptMessage(xml, KEY, APP_ID);
    expect(base64ToBytes(sealed).length % 32).toBe(0);
    expect(await decryptMessage(sealed, [KEY], APP_ID)).toEqual({ ok: true, xml, keyIndex: 0 });
  });

  it("refuses a message sealed for another AppID", async () => {
    const sealed = await encryptMessage("<xml/>", KEY, "wxsomeoneelse00000");
    expect(await decryptMessage(sealed, [KEY], APP_ID)).toEqual({
      ok: false,
      reason: "appid_mismatch",
    });
  });

  it("refuses a ciphertext padded to 16 bytes", async () => {
    // 40 bytes pad to 48 with a 16-byte padder; a 32-byte padder never yields 48.
    const body = layout("m".repeat(40 - 20 - APP_ID.length), APP_ID);
    const sealed = await encrypt16(body);
    expect(base64ToBytes(sealed).length).toBe(48);
    expect(await decryptMessage(sealed, [KEY], APP_ID)).toEqual({
      ok: false,
      reason: "bad_length",
    });
  });

  it.each([0, 33, 200])("refuses pad value %i", async (padByte) => {
    const body = layout("<xml/>", APP_ID);
    const sealed = await encryptRaw(withPad(body, 64, padByte));
    expect(await decryptMessage(sealed, [KEY], APP_ID)).toEqual({
      ok: false,
      reason: "bad_padding",
    });
  });

  it("refuses pad bytes that disagree with the pad value", async () => {
    const body = layout("<xml/>", APP_ID);
    const padded = withPad(body, 64, 64 - body.length);
    padded[body.length] = 1;
    expect(await decryptMessage(await encryptRaw(padded), [KEY], APP_ID)).toEqual({
      ok: false,
      reason: "bad_padding",
    });
  });

  it("refuses a length field that points past the message", async () => {
    const body = layout("<xml/>", APP_ID);
    new DataView(body.buffer).setUint32(16, 5000);
    const padded = withPad(body, 64, 64 - body.length);
    expect(await decryptMessage(await encryptRaw(padded), [KEY], APP_ID)).toEqual({
      ok: false,
      reason: "bad_layout",
    });
  });

  it("refuses text that is not base64", async () => {
    expect(await decryptMessage("not base64 at all!", [KEY], APP_ID)).toEqual({
      ok: false,
      reason: "bad_base64",
    });
  });

  it("opens with the previous EncodingAESKey when the current one fails", async () => {
    const previous = randomEncodingAesKey();
    const sealed = await encryptMessage("<xml>old</xml>", previous, APP_ID);
    expect(await decryptMessage(sealed, [KEY, previous], APP_ID)).toEqual({
      ok: true,
      xml: "<xml>old</xml>",
      keyIndex: 1,
    });
    expect((await decryptMessage(sealed, [KEY], APP_ID)).ok).toBe(false);
  });
});

describe("sealReply and openReply", () => {
  const keys = { token: "spamtest", encodingAesKey: KEY, appId: APP_ID };

  it("round-trips a reply through the envelope with TimeStamp as plain text", async () => {
    const envelope = await sealReply("<xml><Content><![CDATA[ok]]></Content></xml>", keys, {
      timestamp: 1700000000,
      nonce: "42",
    });
    expect(envelope).toContain("<TimeStamp>1700000000</TimeStamp>");
    expect(await openReply(envelope, keys)).toEqual({
      ok: true,
      xml: "<xml><Content><![CDATA[ok]]></Content></xml>",
    });
  });

  it("refuses an envelope whose MsgSignature was made with another Token", async () => {
    const envelope = await sealReply("<xml/>", { ...keys, token: "other" });
    expect(await openReply(envelope, keys)).toEqual({ ok: false, reason: "MsgSignature mismatch" });
  });
});
