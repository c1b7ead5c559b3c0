import { describe, expect, it } from "vitest";
import { renderCaptionBitmap } from "../../../src/images/render-caption";

const same = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

describe("renderCaptionBitmap", () => {
  // Level-2 GB2312 hanzi appear in place and shop names: 邗江, 琊, 圳 is level 1, 濮阳, 亳州.
  it.each(["邗", "琊", "濮", "亳", "圳", "店"])(
    "draws %s as its own glyph, not the fallback box",
    (ch) => {
      const box = renderCaptionBitmap("□", 430);
      const drawn = renderCaptionBitmap(ch, 430);
      expect(drawn.pixels.some((p) => p === 1)).toBe(true);
      expect(same(drawn.pixels, box.pixels)).toBe(false);
    },
  );

  it("draws a character outside GB2312 as the fallback box", () => {
    const box = renderCaptionBitmap("□", 430);
    expect(same(renderCaptionBitmap("😀", 430).pixels, box.pixels)).toBe(true);
  });

  it("shortens a name too wide for the image with an ellipsis", () => {
    const long = renderCaptionBitmap("门店_上海_静安嘉里中心店".repeat(4), 430);
    expect(long.width).toBeLessThanOrEqual(Math.floor(430 * 0.92));
  });
});
