// PNG rendering throughput against the `qrcode` npm package, and against the floor (the raw
// 1-bit scanlines built and deflated, nothing else). Cases run interleaved, in rounds; the
// median round counts. Run: node --expose-gc bench/png.ts (or npm run bench).
import QRCode from "qrcode";
import { loadLib, machine, median, ticketUrl, writeResult } from "./common.ts";

const lib = await loadLib();
const ROUNDS = 5;
const SIZES = [430, 1280] as const;

type Case = {
  name: string;
  size: number;
  iterations: number;
  run: (i: number) => Promise<Uint8Array>;
};

function cases(size: number): Case[] {
  const matrix = lib.buildQrMatrix(ticketUrl(0));
  const layout = lib.layoutQr(matrix.size, { size });
  // Iterations chosen so each case takes ~0.1-0.3 s per round and the whole run ~1.5 min.
  const few = size > 1000 ? 6 : 30;
  const many = size > 1000 ? 60 : 150;
  return [
    {
      name: "qrcode toBuffer",
      size,
      iterations: few,
      run: (i) =>
        QRCode.toBuffer(ticketUrl(i), { width: size, margin: 4, errorCorrectionLevel: "M" }),
    },
    {
      name: "ours sync (fflate)",
      size,
      iterations: many,
      run: async (i) => lib.renderQrPngSync(ticketUrl(i), { size }),
    },
    {
      name: "ours async auto",
      size,
      iterations: many,
      run: (i) => lib.renderQrPng(ticketUrl(i), { size }),
    },
    {
      name: "ours async native",
      size,
      iterations: many,
      run: (i) => lib.renderQrPng(ticketUrl(i), { size, compressor: "native" }),
    },
    {
      name: "ours 8-bit gray (fflate)",
      size,
      iterations: few,
      run: async (i) => lib.renderQrPngSync(ticketUrl(i), { size, bitDepth: 8 }),
    },
    {
      name: "matrix only (ours)",
      size,
      iterations: many,
      run: async (i) => lib.buildQrMatrix(ticketUrl(i)).modules,
    },
    {
      name: "matrix only (qrcode-generator)",
      size,
      iterations: few,
      run: async (i) => lib.buildQrMatrixReference(ticketUrl(i)).modules,
    },
    {
      name: "floor fflate (scanlines + zlibSync)",
      size,
      iterations: many,
      run: async () => lib.zlibFflate(lib.rasterizeQr(matrix, layout, 1)),
    },
    {
      name: "floor native (scanlines + CompressionStream)",
      size,
      iterations: many,
      run: () => lib.zlibNative(lib.rasterizeQr(matrix, layout, 1)),
    },
  ];
}

async function timeCase(c: Case, offset: number): Promise<{ ms: number; bytes: number }> {
  let bytes = 0;
  const start = performance.now();
  for (let i = 0; i < c.iterations; i++) bytes = (await c.run(offset + i)).length;
  return { ms: (performance.now() - start) / c.iterations, bytes };
}

const results: Record<
  string,
  { size: number; msPerImage: number; bytes: number; rounds: number[] }
> = {};
for (const size of SIZES) {
  const list = cases(size);
  for (const c of list) await timeCase({ ...c, iterations: Math.ceil(c.iterations / 4) }, 0); // warm-up
  const samples = new Map<string, number[]>();
  const sizes = new Map<string, number>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of list) {
      const { ms, bytes } = await timeCase(c, round * 10_000);
      samples.set(c.name, [...(samples.get(c.name) ?? []), ms]);
      sizes.set(c.name, bytes);
    }
  }
  for (const c of list) {
    const rounds = samples.get(c.name) ?? [];
    results[`${c.name} @${size}`] = {
      size,
      msPerImage: median(rounds),
      bytes: sizes.get(c.name) ?? 0,
      rounds,
    };
  }
}

const at = (name: string, size: number) =>
  results[`${name} @${size}`] ?? { msPerImage: Number.NaN, bytes: Number.NaN, rounds: [] };

/**
 * Ratios are taken per round (cases of a round ran back to back under the same machine load)
 * and the median of those is kept: steadier than a ratio of medians on a shared machine.
 */
function pairedRatio(numerator: number[], denominator: number[]): number {
  return median(numerator.map((v, i) => v / (denominator[i] ?? Number.NaN)));
}

const ratios = Object.fromEntries(
  SIZES.map((size) => {
    const theirs = at("qrcode toBuffer", size);
    const auto = at("ours async auto", size);
    const sync = at("ours sync (fflate)", size);
    const floorFflate = at("floor fflate (scanlines + zlibSync)", size).rounds;
    const floorNative = at("floor native (scanlines + CompressionStream)", size).rounds;
    const floor = floorFflate.map((v, i) => Math.min(v, floorNative[i] ?? v));
    return [
      size,
      {
        speedupAsyncAuto: pairedRatio(theirs.rounds, auto.rounds),
        speedupSync: pairedRatio(theirs.rounds, sync.rounds),
        bytesRatio: auto.bytes / theirs.bytes,
        timesFloor: pairedRatio(auto.rounds, floor),
      },
    ];
  }),
);

const table = Object.entries(results).map(
  ([k, v]) =>
    `${k.padEnd(52)} ${v.msPerImage.toFixed(3).padStart(8)} ms ${String(v.bytes).padStart(8)} B`,
);
console.log(table.join("\n"));
console.log(JSON.stringify(ratios, null, 2));
writeResult("png", {
  machine: machine(),
  url: ticketUrl(0),
  urlLength: ticketUrl(0).length,
  rounds: ROUNDS,
  results,
  ratios,
});
