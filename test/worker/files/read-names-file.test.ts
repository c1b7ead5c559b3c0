import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { NAME_MAX_CHARS, readNamesFile } from "../../../src/files/read-names-file";
import { createXlsxWriter } from "../../../src/files/xlsx-writer";
import { collect } from "./sheet-helpers";

const utf8 = (text: string) => new TextEncoder().encode(text);
const hex = (h: string) => new Uint8Array(h.match(/../g)?.map((b) => Number.parseInt(b, 16)) ?? []);

// "名称,分组,粉丝标签\r\n上海门店,华东,新客；门店\r\n北京朝阳店,华北,\r\n" encoded as GB18030/GBK
// (what Excel on Chinese Windows saves as CSV), produced outside the product by Python's codec.
const GBK_CSV = hex(
  "c3fbb3c62cb7d6d7e92cb7dbcbbfb1eac7a90d0ac9cfbaa3c3c5b5ea2cbbaab6ab2cd0c2bfcda3bbc3c5b5ea0d0a" +
    "b1b1bea9b3afd1f4b5ea2cbbaab1b12c0d0a",
);

function okRows(bytes: Uint8Array, options = {}) {
  const result = readNamesFile(bytes, options);
  if (!result.ok) throw new Error(`unexpected failure: ${result.message}`);
  return result;
}

describe("readNamesFile with CSV", () => {
  it("keeps the Chinese names of a GBK file and reads its header", () => {
    const result = okRows(GBK_CSV);
    expect(result.encoding).toBe("gb18030");
    expect(result.hasHeader).toBe(true);
    expect(result.rows).toEqual([
      {
        row: 2,
        name: "上海门店",
        group: "华东",
        fanTags: ["新客", "门店"],
        memberTags: [],
        problems: [],
      },
      { row: 3, name: "北京朝阳店", group: "华北", fanTags: [], memberTags: [], problems: [] },
    ]);
  });

  it.each([
    ["with a BOM", "\ufeffname,group\r\n门店A,g\r\n"],
    ["without a BOM", "name,group\n门店A,g\n"],
  ])("reads UTF-8 %s", (_, text) => {
    const result = okRows(utf8(text));
    expect(result.encoding).toBe("utf-8");
    expect(result.rows.map((r) => [r.row, r.name, r.group])).toEqual([[2, "门店A", "g"]]);
  });

  it("reads Excel's UTF-16 tab-separated export", () => {
    const text = "\ufeff名称\t分组\r\n门店B\t华南\r\n";
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[i * 2] = text.charCodeAt(i) & 0xff;
      bytes[i * 2 + 1] = text.charCodeAt(i) >> 8;
    }
    const result = okRows(bytes);
    expect(result.encoding).toBe("utf-16le");
    expect(result.rows[0]).toMatchObject({ name: "门店B", group: "华南" });
  });

  it("reads columns by position when there is no header", () => {
    const result = okRows(utf8("门店1,华东,a|b;a,vip、新会员\n门店2\n"));
    expect(result.hasHeader).toBe(false);
    expect(result.rows[0]).toEqual({
      row: 1,
      name: "门店1",
      group: "华东",
      fanTags: ["a", "b"],
      memberTags: ["vip", "新会员"],
      problems: [],
    });
    expect(result.rows[1]?.row).toBe(2);
  });

  it("maps columns by header name in any order", () => {
    const result = okRows(utf8("分组,会员标签,二维码名称\n华东,vip,门店X\n"));
    expect(result.rows[0]).toMatchObject({ name: "门店X", group: "华东", memberTags: ["vip"] });
  });

  it("reports empty, too long and duplicate names with the operator's row numbers", () => {
    const long = "码".repeat(NAME_MAX_CHARS + 1);
    const text = `名称,分组\n门店A,g\n,g\n\n${long}\n门店A\n"多行\n名称"\n`;
    const result = okRows(utf8(text));
    expect(result.rows.map((r) => [r.row, r.problems])).toEqual([
      [2, []],
      [3, ["empty_name"]],
      [5, ["name_too_long"]],
      [6, ["duplicate_in_file"]],
      [7, []],
    ]);
    expect(result.rows[3]?.duplicateOfRow).toBe(2);
    expect(result.problemCount).toBe(3);
  });

  it("drops control characters and text-direction overrides from names", () => {
    const rows = okRows(utf8("evil\u202egnp.exe\nA\u2067B\u2069\n")).rows;
    expect(rows.map((r) => r.name)).toEqual(["evil gnp.exe", "A B"]);
  });

  it("accepts a name of exactly the limit", () => {
    expect(okRows(utf8(`${"码".repeat(NAME_MAX_CHARS)}\n`)).rows[0]?.problems).toEqual([]);
  });

  it("reads 10,000 rows and refuses more than the cap", () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `门店${i}`).join("\n");
    expect(okRows(utf8(lines)).rows).toHaveLength(10_000);
    const result = readNamesFile(utf8(`${lines}\n门店X`));
    expect(result).toMatchObject({ ok: false, reason: "too_many_rows" });
    expect(okRows(utf8(`${lines}\n门店X`), { maxRows: 50_000 }).rows).toHaveLength(10_001);
  });
});

describe("readNamesFile with XLSX", () => {
  it("reads a workbook written by the export writer", async () => {
    const xlsx = createXlsxWriter({
      columns: [{ header: "名称" }, { header: "分组" }, { header: "粉丝标签" }],
    });
    const bytes = collect(xlsx.stream);
    await xlsx.addRow(["上海门店", "华东", "a;b"]);
    await xlsx.addRow([1001, null, null]);
    await xlsx.finish();
    const result = okRows(await bytes);
    expect(result.format).toBe("xlsx");
    expect(result.rows).toEqual([
      {
        row: 2,
        name: "上海门店",
        group: "华东",
        fanTags: ["a", "b"],
        memberTags: [],
        problems: [],
      },
      { row: 3, name: "1001", group: "", fanTags: [], memberTags: [], problems: [] },
    ]);
  });

  it("reads shared strings, rich text, sparse cells and a renamed first sheet as Excel writes them", () => {
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const files = {
      "xl/workbook.xml": strToU8(
        `<workbook ${ns} xmlns:r="r"><sheets><sheet name="名单" sheetId="1" r:id="rId7"/></sheets></workbook>`,
      ),
      "xl/_rels/workbook.xml.rels": strToU8(
        '<Relationships><Relationship Id="rId7" Type="t" Target="worksheets/data.xml"/></Relationships>',
      ),
      "xl/sharedStrings.xml": strToU8(
        `<sst ${ns}><si><t>名称</t></si><si><r><t>上海</t></r><r><t xml:space="preserve">门店 &amp; 1</t></r>` +
          "<rPh><t>しゃん</t></rPh></si><si><t>华东</t></si></sst>",
      ),
      "xl/worksheets/data.xml": strToU8(
        `<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>' +
          '<c r="B1" t="inlineStr"><is><t>分组</t></is></c><c r="C1" t="inlineStr"><is><t>标签</t></is></c></row>` +
          '<row r="4"><c r="A4" t="s"><v>1</v></c><c r="C4" t="s"><v>2</v></c></row>' +
          '<row r="5"><c r="A5" t="inlineStr"><is><t>Inline_x0009_</t></is></c><c r="B5" t="b"><v>1</v></c></row>' +
          "</sheetData></worksheet>",
      ),
    };
    const result = okRows(zipSync(files));
    expect(result.rows).toEqual([
      { row: 4, name: "上海门店 & 1", group: "", fanTags: ["华东"], memberTags: [], problems: [] },
      { row: 5, name: "Inline", group: "TRUE", fanTags: [], memberTags: [], problems: [] },
    ]);
  });

  it("rejects a workbook that expands past the cap", () => {
    const bomb = zipSync(
      {
        "xl/workbook.xml": strToU8("<workbook/>"),
        "xl/worksheets/sheet1.xml": new Uint8Array(60 * 1024 * 1024),
      },
      { level: 9 },
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(readNamesFile(bomb)).toMatchObject({ ok: false, reason: "too_large" });
  });
});

describe("readNamesFile rejections", () => {
  it.each([
    ["an empty file", new Uint8Array(), "empty"],
    ["only a header", utf8("名称,分组\n"), "empty"],
    ["an old .xls", hex("d0cf11e0a1b11ae1000000"), "unsupported_type"],
    ["a PNG", hex("89504e470d0a1a0a0000000d49484452"), "bad_encoding"],
    ["a zip that is no workbook", zipSync({ "a.txt": strToU8("x") }), "bad_xlsx"],
    ["a truncated zip", hex("504b0304140000000800"), "bad_xlsx"],
  ])("rejects %s with a clear reason", (_, bytes, reason) => {
    const result = readNamesFile(bytes);
    expect(result).toMatchObject({ ok: false, reason });
    expect(result.ok ? "" : result.message).toMatch(/\w{3,}/);
  });

  it("rejects a file over the byte cap", () => {
    expect(readNamesFile(utf8("a\n".repeat(600)), { maxBytes: 1000 })).toMatchObject({
      ok: false,
      reason: "too_large",
    });
  });
});
