import { describe, expect, it } from "vitest";
import { callerIpFromErrmsg, wechatError } from "../../../src/wechat/errors";

// The table "Errors worth a rule" of wechat.md, row by row.
describe("wechatError", () => {
  it.each([
    [-1, "backoff", undefined],
    [40001, "refresh_once", undefined],
    [40014, "refresh_once", undefined],
    [42001, "refresh_once", undefined],
    [45011, "backoff", undefined],
    [45009, "no", undefined],
    [40164, "no", undefined],
    [61004, "no", undefined],
    [40013, "no", undefined],
    [40125, "no", undefined],
    [40243, "no", undefined],
    [48001, "no", undefined],
    [45029, "no", undefined],
    [40003, "no", undefined],
    [49003, "no", undefined],
    [43004, "no", undefined],
    [45015, "no", undefined],
    [45047, "no", undefined],
    [45059, "no", undefined],
    [45056, "no", undefined],
    [45157, "no", undefined],
    [45158, "no", undefined],
    [45159, "no", "reread_tags"],
    [40007, "no", "reupload_media"],
  ])("maps errcode %i to retryable %s", (errcode, retryable, remedy) => {
    const error = wechatError(errcode, "some errmsg");
    expect(error).toMatchObject({ errcode, errmsg: "some errmsg", retryable, source: "wechat" });
    expect(error.remedy).toBe(remedy);
    expect(error.explanation.length).toBeGreaterThan(20);
  });

  it("names the caller IP of a 40164 in the explanation", () => {
    const errmsg =
      "invalid ip 47.100.12.34 ipv6 ::ffff:47.100.12.34, not in whitelist rid: 6123-abc";
    const error = wechatError(40164, errmsg);
    expect(error.explanation).toContain("47.100.12.34");
    expect(error.explanation).toMatch(/allow-list/);
  });

  it("says a verified Service Account is needed for 48001", () => {
    expect(wechatError(48001, "api unauthorized").explanation).toMatch(/verified Service Account/);
  });

  it("answers an unknown errcode with its number and message, not retryable", () => {
    expect(wechatError(99999, "odd")).toMatchObject({
      retryable: "no",
      explanation: expect.stringContaining("99999"),
    });
  });
});

describe("callerIpFromErrmsg", () => {
  it.each([
    ["invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist", "1.2.3.4"],
    ["invalid ip 240e:3b7::1, not in whitelist", "240e:3b7::1"],
    ["something else", null],
  ])("reads %s", (errmsg, ip) => {
    expect(callerIpFromErrmsg(errmsg)).toBe(ip);
  });
});
