import { describe, expect, it } from "vitest";
import type { PassiveReply } from "../../../src/wechat/types";
import { MAX_XML_BYTES, parseWechatXml } from "../../../src/wechat/xml-parse";
import { cdata, renderPassiveReply } from "../../../src/wechat/xml-write";

describe("parseWechatXml", () => {
  it("reads CDATA and plain fields, and nested ones as dotted keys", () => {
    const xml = `<xml>
      <ToUserName><![CDATA[gh_1]]></ToUserName>
      <CreateTime>1409735668</CreateTime>
      <Content>a &amp; b &#20320;</Content>
      <ScanCodeInfo><ScanType><![CDATA[qrcode]]></ScanType></ScanCodeInfo>
      <Empty/>
    </xml>`;
    expect(parseWechatXml(xml)).toEqual({
      ok: true,
      root: "xml",
      fields: {
        ToUserName: "gh_1",
        CreateTime: "1409735668",
        Content: "a & b 你",
        "ScanCodeInfo.ScanType": "qrcode",
        Empty: "",
      },
    });
  });

  it.each([
    ["a DOCTYPE", '<!DOCTYPE xml [<!ENTITY a "aaaa">]><xml><A>&a;</A></xml>'],
    [
      "a billion-laughs bomb",
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><xml><A>&lol2;</A></xml>',
    ],
    [
      "an external entity",
      '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><A>&xxe;</A></xml>',
    ],
    ["a processing instruction", "<xml><?php echo 1 ?><A>1</A></xml>"],
    ["a comment", "<xml><!-- hi --><A>1</A></xml>"],
    ["an undeclared entity", "<xml><A>&lol;</A></xml>"],
    ["attributes", '<xml><A b="c">1</A></xml>'],
    ["a mismatched close tag", "<xml><A>1</B></xml>"],
    ["an unterminated CDATA", "<xml><A><![CDATA[1</A></xml>"],
    ["text after the root", "<xml><A>1</A></xml>junk"],
    ["deep nesting", `<xml>${"<a>".repeat(20)}x${"</a>".repeat(20)}</xml>`],
  ])("refuses %s", (_, xml) => {
    expect(parseWechatXml(xml).ok).toBe(false);
  });

  it("refuses a body over the size limit", () => {
    const xml = `<xml><A>${"a".repeat(MAX_XML_BYTES)}</A></xml>`;
    expect(parseWechatXml(xml)).toEqual({ ok: false, reason: "body too large" });
  });
});

describe("cdata", () => {
  it("keeps a ]]> inside the text from closing the section", () => {
    const text = "a]]><evil/>b";
    const parsed = parseWechatXml(`<xml><Content>${cdata(text)}</Content></xml>`);
    expect(parsed).toMatchObject({ ok: true, fields: { Content: text } });
  });

  it("drops characters XML 1.0 forbids", () => {
    expect(cdata("a\u0000b\u0007c\td")).toBe("<![CDATA[abc\td]]>");
  });
});

describe("renderPassiveReply", () => {
  const to = { toUser: "oFan", fromUser: "gh_acc", createTime: 1700000000 };
  const article = {
    title: "T",
    description: "D",
    url: "https://e.com/a",
    picUrl: "https://e.com/p.png",
  };

  it.each<[PassiveReply, Record<string, string>]>([
    [{ type: "text", content: "你好]]>" }, { Content: "你好]]>" }],
    [{ type: "image", mediaId: "m1" }, { "Image.MediaId": "m1" }],
    [{ type: "voice", mediaId: "m2" }, { "Voice.MediaId": "m2" }],
    [
      { type: "video", mediaId: "m3", title: "V" },
      { "Video.MediaId": "m3", "Video.Title": "V" },
    ],
    [
      { type: "music", musicUrl: "https://e.com/m.mp3", thumbMediaId: "t1" },
      {
        "Music.MusicUrl": "https://e.com/m.mp3",
        "Music.HQMusicUrl": "https://e.com/m.mp3",
        "Music.ThumbMediaId": "t1",
      },
    ],
    [
      { type: "news", article },
      {
        ArticleCount: "1",
        "Articles.item.Title": "T",
        "Articles.item.Url": "https://e.com/a",
        "Articles.item.PicUrl": "https://e.com/p.png",
      },
    ],
  ])("writes a %o reply that parses back with its fields", (reply, expected) => {
    const parsed = parseWechatXml(renderPassiveReply(reply, to));
    expect(parsed).toMatchObject({
      ok: true,
      fields: {
        ToUserName: "oFan",
        FromUserName: "gh_acc",
        CreateTime: "1700000000",
        MsgType: reply.type,
        ...expected,
      },
    });
  });

  it("writes CreateTime without CDATA", () => {
    expect(renderPassiveReply({ type: "text", content: "x" }, to)).toContain(
      "<CreateTime>1700000000</CreateTime>",
    );
  });
});
