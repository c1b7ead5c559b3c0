import { describe, expect, it } from "vitest";
import { decryptMessage } from "../../../src/wechat/message-crypto";
import { messageSignature, webhookSignature } from "../../../src/wechat/signature";
import { parseWechatXml } from "../../../src/wechat/xml-parse";

// Every published vector of wechat.md "Published vectors".
const KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const VECTOR_3 = {
  token: "spamtest",
  appId: "wx2c2769f8efd9abc2",
  timestamp: "1409735669",
  nonce: "1320562132",
  msgSignature: "5d197aaffba7e9b25a30732f161a50dee96bd5fa",
  encrypt:
    "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=",
};
const VECTOR_4 = {
  token: "pamtest",
  appId: "wxb11529c136998cb6",
  timestamp: "1458300676",
  nonce: "260774613",
  msgSignature: "4f3ad57b6989f09f4eb392acce4f9e93942ed890",
  encrypt:
    "rTNFcsut4LfGuAFKEUVVpwcaCOTJzOd9twZdIW910jb3k+iicx2uvhttIZ3Qg9Qgty3BEF2xbOrz6boTfb30dMomcgrkTqdFPwnhqbk+kIQ7rZiwny9D7NUrTgA5kpX3KsZvrXzUZyP2x9YOlxbgm572lmxKvM7HAQQhIQ/p6HBmoY30bGXFK0BtIu1pW9TjhOYrLQoU18nWYjWqDA1ynkmOytpv7QRI1P1+0NoxL0q2zO1DgeSvnE8CZGo/o5Ap/WHK5W2RAsinpzN4/LjPnmB6U01I5XCoJoC0GK/yMZycd2Oh8Nq6+wBkC1U85oy0ktOY4nLvsQMLrourmMGdZHuTbqpeJ8Ao/5PRYJ+WBvRUwPfGKBL2+2IKZF49vAJqkcGWSHGE76ZN2erXeuNazf/o9o3lIE3q739o4c8t9QGPe31GT2Go/rOz1BsrASwvauNulCh+++yz+CQzBIuikA==",
};

describe("webhook signature", () => {
  it.each([
    ["test", "1410685589", "test", "f21891de399b4e33a1a93c9a7b8a8fffb5a443ff"],
    ["AAAAA", "1714037059", "486452656", "899cf89e464efb63f54ddac96b0a0a235f53aa78"],
  ])(
    "signs Token %s, timestamp %s, nonce %s as the published vector",
    async (token, ts, nonce, expected) => {
      expect(await webhookSignature(token, ts, nonce)).toBe(expected);
    },
  );
});

describe("msg_signature", () => {
  it.each([
    ["official sample", VECTOR_3],
    ["21-byte padding", VECTOR_4],
  ])("matches the published vector (%s)", async (_, v) => {
    expect(await messageSignature(v.token, v.timestamp, v.nonce, v.encrypt)).toBe(v.msgSignature);
  });
});

describe("decryptMessage on the published vectors", () => {
  it("opens the official sample to its text message", async () => {
    const opened = await decryptMessage(VECTOR_3.encrypt, [KEY], VECTOR_3.appId);
    if (!opened.ok) throw new Error(opened.reason);
    const parsed = parseWechatXml(opened.xml);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.fields).toMatchObject({
      ToUserName: "gh_10f6c3c3ac5a",
      FromUserName: "oyORnuP8q7ou2gfYjqLzSIWZf0rs",
      CreateTime: "1409735668",
      MsgType: "text",
      Content: "abcdteT",
      MsgId: "6054768590064713728",
    });
  });

  it("opens the message padded with 21 bytes", async () => {
    const opened = await decryptMessage(VECTOR_4.encrypt, [KEY], VECTOR_4.appId);
    if (!opened.ok) throw new Error(opened.reason);
    const parsed = parseWechatXml(opened.xml);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.fields).toMatchObject({ MsgType: "text", Content: "hello", MsgId: "12345" });
  });

  it("refuses the official sample under another AppID", async () => {
    expect(await decryptMessage(VECTOR_3.encrypt, [KEY], VECTOR_4.appId)).toEqual({
      ok: false,
      reason: "appid_mismatch",
    });
  });
});
