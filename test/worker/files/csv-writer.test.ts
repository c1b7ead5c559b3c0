import { describe, expect, it } from "vitest";
import { createCsvWriter, csvCell } from "../../../src/files/csv-writer";
import { collect } from "./sheet-helpers";

describe("createCsvWriter", () => {
  it("starts with a BOM and writes CRLF lines of typed values", async () => {
    const csv = createCsvWriter({
      columns: [
        { header: "名称" },
        { header: "次数" },
        { header: "时间" },
        { header: "日", dateFormat: "date" },
        { header: "是" },
      ],
    });
    const bytes = collect(csv.stream);
    await csv.addRow([
      "上海门店",
      3,
      new Date("2026-03-01T00:30:00Z"),
      new Date("2026-03-01T17:00:00Z"),
      true,
    ]);
    await csv.finish();
    const out = await bytes;
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(out)).toBe(
      "名称,次数,时间,日,是\r\n上海门店,3,2026-03-01 08:30:00,2026-03-02,TRUE\r\n",
    );
  });

  it("omits the BOM on request", async () => {
    const csv = createCsvWriter({ columns: [{ header: "a" }], bom: false });
    const bytes = collect(csv.stream);
    await csv.finish();
    expect(new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(await bytes)).toBe(
      "a\r\n",
    );
  });
});

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=1+1", "'=1+1"],
    ["+86 138", "'+86 138"],
    ["-5", "'-5"],
    ["@cmd", "'@cmd"],
    ["\t=1", "'\t=1"],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    [-5, "-5"],
    [null, ""],
    [Number.POSITIVE_INFINITY, ""],
    [false, "FALSE"],
  ])("writes %j as %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});
