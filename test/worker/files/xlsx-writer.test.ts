import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { writeStreamToR2 } from "../../../src/files/r2-multipart";
import { createXlsxWriter, XLSX_CONTENT_TYPE } from "../../../src/files/xlsx-writer";
import { collect, readXlsx } from "./sheet-helpers";

const columns = [
  { header: "名称" },
  { header: "扫码次数" },
  { header: "扫码时间" },
  { header: "日期", dateFormat: "date" as const },
  { header: "关注中" },
];

async function writeRows(rows: unknown[][], sheetName = "扫码记录") {
  const xlsx = createXlsxWriter({ sheetName, columns, timeZone: "Asia/Shanghai" });
  const bytes = collect(xlsx.stream);
  for (const row of rows) await xlsx.addRow(row as never);
  await xlsx.finish();
  return { xlsx, book: readXlsx(await bytes) };
}

describe("createXlsxWriter", () => {
  it("writes the parts of a valid workbook, content types first", async () => {
    const { book } = await writeRows([]);
    expect(book.names[0]).toBe("[Content_Types].xml");
    expect(book.names).toEqual(
      expect.arrayContaining([
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/worksheets/sheet1.xml",
      ]),
    );
    expect(book.text("xl/workbook.xml")).toContain(
      '<sheet name="扫码记录" sheetId="1" r:id="rId1"/>',
    );
    expect(book.text("xl/styles.xml")).toContain('formatCode="yyyy-mm-dd hh:mm:ss"');
    expect(book.sheet).toContain('<col min="1" max="1" width="10" customWidth="1"/>');
  });

  it("writes a bold header row and typed cells", async () => {
    // 2026-03-01 08:30:00 in Shanghai is 00:30 UTC; Excel serial of 2026-03-01 is 46082.
    const when = new Date("2026-03-01T00:30:00Z");
    const { book, xlsx } = await writeRows([["上海门店", 12.5, when, when, true]]);
    expect(xlsx.rowCount).toBe(1);
    const [header, row] = book.rows;
    expect(header?.map((c) => c.value)).toEqual(["名称", "扫码次数", "扫码时间", "日期", "关注中"]);
    expect(header?.every((c) => c.style === "3" && c.type === "inlineStr")).toBe(true);
    const serial = expect.stringMatching(/^46082\.3541666666/);
    expect(row).toEqual([
      { ref: "A2", type: "inlineStr", style: undefined, value: "上海门店" },
      { ref: "B2", type: undefined, style: undefined, value: "12.5" },
      { ref: "C2", type: undefined, style: "1", value: serial },
      { ref: "D2", type: undefined, style: "2", value: serial },
      { ref: "E2", type: "b", style: undefined, value: "1" },
    ]);
    expect(Number(row?.[2]?.value)).toBeCloseTo(46082 + 8.5 / 24, 9);
  });

  it("escapes XML, strips characters XML forbids and keeps Chinese", async () => {
    const { book } = await writeRows([
      ['<a&b> "引号" \u0001\u0008end\ud800', null, undefined, null, false],
    ]);
    expect(book.rows[1]?.[0]?.value).toBe('<a&b> "引号" end');
    expect(book.rows[1]?.[1]?.ref).toBe("E2");
  });

  it.each(['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"])(
    "keeps %j as quote-prefixed text, never a formula",
    async (text) => {
      const { book } = await writeRows([[text]]);
      const cell = book.rows[1]?.[0];
      expect(cell?.type).toBe("inlineStr");
      expect(cell?.style).toBe("4");
      expect(book.sheet).not.toContain("<f>");
      expect(book.text("xl/styles.xml")).toContain('quotePrefix="1"');
    },
  );

  it("leaves empty and non-finite cells out", async () => {
    const { book } = await writeRows([["", Number.NaN, new Date("x"), null, undefined]]);
    expect(book.rows[1]).toEqual([]);
  });

  it("cleans an unusable sheet name", async () => {
    const { book } = await writeRows(
      [],
      "a/b:c*?[d]这是一个非常非常长的工作表名称超过三十一个字符的限制",
    );
    expect(book.text("xl/workbook.xml")).toMatch(/<sheet name="a b c {3}d 这[^"]{0,24}"/);
  });

  it("streams 20,000 rows into R2 and reads back every row", async () => {
    const xlsx = createXlsxWriter({ columns, sheetName: "fans" });
    const upload = writeStreamToR2(env.ARTIFACTS, "t/fans.xlsx", xlsx.stream, {
      contentType: XLSX_CONTENT_TYPE,
    });
    for (let i = 0; i < 20_000; i++)
      await xlsx.addRow([`粉丝 ${i}`, i, new Date(i * 1000), null, i % 2 === 0]);
    await xlsx.finish();
    const size = await upload;
    const object = await env.ARTIFACTS.get("t/fans.xlsx");
    expect(object?.size).toBe(size);
    const book = readXlsx(new Uint8Array(await (object?.arrayBuffer() ?? new ArrayBuffer(0))));
    expect(book.rows).toHaveLength(20_001);
    expect(book.rows[20_000]?.[0]?.value).toBe("粉丝 19999");
    expect(book.rows[20_000]?.[1]?.value).toBe("19999");
  });
});
