import { expect } from "vitest";

/**
 * What a file name written by the product must never hold, whatever it was
 * made from: a path separator or Windows-forbidden character, a control or
 * bidi character, a leading dot, "..", a Windows device name before the
 * first dot, or more bytes than file systems take.
 */
export function expectSafeFileName(name: string) {
  expect(name).not.toMatch(/[/\\:*?"<>|]/);
  const invisible = [...name].filter((ch) => {
    const cp = ch.codePointAt(0) ?? 0;
    return (
      cp < 0x20 || cp === 0x7f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)
    );
  });
  expect(invisible).toEqual([]);
  expect(name).not.toMatch(/^[.\s]|\.\.|\s$/);
  expect(name.split(".")[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
  expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(200);
}
