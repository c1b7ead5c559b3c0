import { describe, expect, it } from "vitest";
import { contentDisposition, createUniqueNamer, qrFileName } from "../../../src/images/file-names";

describe("qrFileName", () => {
  it.each([
    ["上海门店 01", "png", "上海门店 01.png"],
    ["../../etc/passwd", "png", "etc passwd.png"],
    ['a\\b/c:d*e?f"g<h>i|j', "svg", "a b c d e f g h i j.svg"],
    ["tab\there\nnew\u0000line", "png", "tab here new line.png"],
    ["evil\u202egnp.exe", "png", "evil gnp.exe.png"],
    ["  ..hidden. . ", "png", "hidden.png"],
    ["", "png", "qrcode.png"],
    ["///", "png", "qrcode.png"],
    ["CON", "png", "CON_.png"],
    ["lpt1.txt", "png", "lpt1_.txt.png"],
    ["nul.tar.gz", "png", "nul_.tar.gz.png"],
    ["e\u0301", "PNG", "é.png"],
  ])("turns %j into %j", (name, ext, expected) => {
    expect(qrFileName(name, ext)).toBe(expected);
  });

  it("cuts long names on a character boundary within 180 UTF-8 bytes", () => {
    const name = qrFileName("码".repeat(100), "png");
    expect(name).toBe(`${"码".repeat(60)}.png`);
    expect(qrFileName(`${"a".repeat(179)}😀`, "png")).toBe(`${"a".repeat(179)}.png`);
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII fallback and an RFC 5987 UTF-8 name", () => {
    expect(contentDisposition("上海 (1)'s.png")).toBe(
      `attachment; filename="__ (1)'s.png"; filename*=UTF-8''%E4%B8%8A%E6%B5%B7%20%281%29%27s.png`,
    );
  });

  it("cannot break out of the quoted parameter", () => {
    const header = contentDisposition('a".png\r\nX-Evil: 1');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.startsWith('attachment; filename="a_.png__X-Evil_ 1"')).toBe(true);
  });

  it("supports inline", () => {
    expect(contentDisposition("a.svg", "inline")).toMatch(/^inline; /);
  });
});

describe("createUniqueNamer", () => {
  it("numbers repeats case-insensitively and skips names already taken", () => {
    const unique = createUniqueNamer();
    expect(["a.png", "A.png", "a (2).png", "a.png", "b"].map(unique)).toEqual([
      "a.png",
      "A (2).png",
      "a (2) (2).png",
      "a (3).png",
      "b",
    ]);
  });
});
