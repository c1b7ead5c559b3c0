import { describe, expect, it } from "vitest";
import { excelSerial, formatZoned, zoneOffsetMs } from "../../../src/files/zoned-time";

describe("zoned time", () => {
  it.each([
    ["2026-03-01T00:30:00Z", "Asia/Shanghai", "2026-03-01 08:30:00"],
    ["2026-03-08T06:59:59Z", "America/New_York", "2026-03-08 01:59:59"],
    ["2026-03-08T07:00:00Z", "America/New_York", "2026-03-08 03:00:00"],
    ["2026-06-30T20:00:00Z", "Asia/Kolkata", "2026-07-01 01:30:00"],
    ["2026-01-01T00:00:00Z", "UTC", "2026-01-01 00:00:00"],
  ])("shows %s in %s as %s", (iso, zone, wall) => {
    expect(formatZoned(new Date(iso), zone, true)).toBe(wall);
  });

  it("gives Excel serials of local wall time, day 25569 being 1970-01-01", () => {
    expect(excelSerial(new Date("1970-01-01T00:00:00Z"), "UTC")).toBe(25569);
    expect(excelSerial(new Date("2026-02-28T16:00:00Z"), "Asia/Shanghai")).toBe(46082);
    expect(zoneOffsetMs(new Date("2026-07-01T00:00:00Z"), "America/New_York")).toBe(-4 * 3600_000);
  });
});
