import { describe, expect, it } from "vitest";
import { cmToPixels, QR_SIZE_MAX } from "../../../src/images/qr-layout";
import { renderQrPng, renderQrPngSync } from "../../../src/images/render-qr-png";
import { renderQrSvg } from "../../../src/images/render-qr-svg";
import { decodePng, decodeQr, rasteriseSvg } from "./decode-helpers";

const TICKET_URL = "http://weixin.qq.com/q/02xGZ3kQbHdFd1AbCdEfGh00q7";
const CAPTION = "上海门店 Counter-01 二维码";

describe("renderQrPng", () => {
  it.each([
    { size: 430, caption: undefined },
    { size: 430, caption: CAPTION },
    { size: 1280, caption: undefined },
    { size: 1280, caption: CAPTION },
  ])("decodes to the ticket url at $size px (caption: $caption)", async ({ size, caption }) => {
    const png = await renderQrPng(TICKET_URL, { size, caption });
    const image = decodePng(png);
    expect(image.chunks).toEqual(["IHDR", "IDAT", "IEND"]);
    expect(image.width).toBe(size);
    expect(image.height).toBe(caption ? size + Math.round(size * 0.1) : size);
    expect(decodeQr(image)).toBe(TICKET_URL);
  });

  it.each(["fflate", "native"] as const)("decodes when deflated by %s", async (compressor) => {
    const image = decodePng(await renderQrPng(TICKET_URL, { size: 860, compressor }));
    expect(decodeQr(image)).toBe(TICKET_URL);
  });

  it("writes 1-bit by default and 8-bit grayscale on request", () => {
    expect(decodePng(renderQrPngSync(TICKET_URL)).bitDepth).toBe(1);
    const gray = decodePng(renderQrPngSync(TICKET_URL, { bitDepth: 8, size: 258 }));
    expect(gray.bitDepth).toBe(8);
    expect(decodeQr(gray)).toBe(TICKET_URL);
  });

  it.each(["L", "Q", "H"] as const)("decodes at error correction level %s", (ecc) => {
    expect(decodeQr(decodePng(renderQrPngSync(TICKET_URL, { ecc, size: 430 })))).toBe(TICKET_URL);
  });

  it("keeps a non-ASCII text intact", () => {
    const text = "https://example.com/门店?id=1";
    expect(decodeQr(decodePng(renderQrPngSync(text, { size: 430 })))).toBe(text);
  });

  it("keeps the quiet zone light and at least 4 modules wide when padding to size", () => {
    const image = decodePng(renderQrPngSync(TICKET_URL, { size: cmToPixels(8) }));
    expect(image.width).toBe(945);
    // 33 modules + 8 quiet => scale 23, the first dark pixel is at offset >= 4 * 23.
    const firstDark = findFirstDarkColumn(image.data, image.width, Math.floor(image.height / 2));
    expect(firstDark).toBeGreaterThanOrEqual(4 * 23);
  });

  it("honours a wider quiet zone", () => {
    const image = decodePng(renderQrPngSync(TICKET_URL, { size: 430, quietZone: 8 }));
    const firstDark = findFirstDarkColumn(image.data, image.width, Math.floor(image.height / 2));
    expect(firstDark).toBeGreaterThanOrEqual(8 * 8);
    expect(decodeQr(image)).toBe(TICKET_URL);
  });

  it.each([
    { size: 10 },
    { size: QR_SIZE_MAX + 1 },
    { size: Number.NaN },
    { size: 430, quietZone: -1 },
  ])("rejects out-of-range options %o", (options) => {
    expect(() => renderQrPngSync(TICKET_URL, options)).toThrow(RangeError);
  });
});

describe("renderQrSvg", () => {
  it.each([430, 1280])("decodes to the ticket url at %i px", (size) => {
    const svg = renderQrSvg(TICKET_URL, { size });
    expect(svg.length).toBeLessThan(4000);
    const image = rasteriseSvg(svg);
    expect(image.width).toBe(size);
    expect(decodeQr(image)).toBe(TICKET_URL);
  });

  it("adds the caption as escaped text below the code, same size as the PNG", () => {
    const svg = renderQrSvg(TICKET_URL, { size: 430, caption: `A&B <门店> "x"\u0007` });
    expect(svg).toContain(">A&amp;B &lt;门店&gt; &quot;x&quot;</text>");
    expect(svg).toContain('height="473"');
    expect(decodeQr(rasteriseSvg(svg))).toBe(TICKET_URL);
  });

  it("squeezes a caption too long for the width", () => {
    const svg = renderQrSvg(TICKET_URL, { size: 258, caption: "很长的名字".repeat(10) });
    expect(svg).toMatch(/textLength="\d+"/);
  });
});

function findFirstDarkColumn(data: Uint8ClampedArray, width: number, y: number): number {
  for (let x = 0; x < width; x++) if ((data[(y * width + x) * 4] ?? 255) < 128) return x;
  return -1;
}
