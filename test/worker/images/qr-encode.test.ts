import { describe, expect, it } from "vitest";
import { buildQrMatrix, type QrErrorCorrection } from "../../../src/images/qr-matrix";
import { buildQrMatrixReference } from "./reference-matrix";

const LEVELS: QrErrorCorrection[] = ["L", "M", "Q", "H"];

/** Deterministic pseudo-random texts, so a failure names a reproducible input. */
function randomText(seed: number, length: number): string {
  let x = seed * 2654435761;
  let out = "";
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    const pick = x >>> 24;
    out +=
      pick < 200 ? String.fromCharCode(33 + (pick % 94)) : String.fromCharCode(0x4e00 + (x % 2000));
  }
  return out;
}

function expectSameMatrix(text: string, ecc: QrErrorCorrection) {
  const ours = buildQrMatrix(text, ecc);
  const reference = buildQrMatrixReference(text, ecc);
  expect(ours.size).toBe(reference.size);
  // Comparing as strings makes a mismatch print readably.
  expect(ours.modules.join("")).toBe(reference.modules.join(""));
}

describe("buildQrMatrix", () => {
  it.each(LEVELS)("matches qrcode-generator on ticket urls at level %s", (ecc) => {
    for (let i = 0; i < 200; i++) {
      expectSameMatrix(
        `http://weixin.qq.com/q/02${randomText(i, 22).replace(/[^\x21-\x7e]/g, "x")}`,
        ecc,
      );
    }
  });

  it.each(LEVELS)("matches qrcode-generator at both ends of all 40 versions at level %s", (ecc) => {
    const version = (length: number) => {
      try {
        return (buildQrMatrix("a".repeat(length), ecc).size - 17) / 4;
      } catch {
        return 41;
      }
    };
    const versions = new Set<number>();
    let low = 1;
    for (let v = 1; v <= 40; v++) {
      // The longest text of version v, found by bisection on our encoder, then both compared.
      let lo = low;
      let hi = 3000;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (version(mid) <= v) lo = mid;
        else hi = mid - 1;
      }
      for (const length of [low, lo]) {
        const text = randomText(length, length).replace(/[^\x21-\x7e]/g, "y");
        expectSameMatrix(text, ecc);
        versions.add(version(length));
      }
      low = lo + 1;
      if (version(lo) === 40) break;
    }
    expect(versions.size).toBe(40);
  });

  it("matches qrcode-generator on Chinese text and the empty text", () => {
    for (let i = 0; i < 50; i++) expectSameMatrix(randomText(i + 5000, 1 + (i % 60)), "M");
    expectSameMatrix("", "M");
  });

  it("refuses a text longer than a version-40 code holds", () => {
    expect(() => buildQrMatrix("a".repeat(2954), "L")).toThrow(RangeError);
  });
});
