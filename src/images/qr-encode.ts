/**
 * A fast QR encoder (byte mode): codewords placed in a typed-array matrix, best mask chosen.
 *
 *   encodeQr(bytes, ecc): QrMatrix
 *
 * It makes the same matrix as qrcode-generator, module for module (test/worker/images checks
 * thousands of inputs against it), including its mask penalty rules and tie-breaking. It exists
 * because qrcode-generator scores the 8 masks through per-module function calls, which alone
 * cost more than the whole rest of a 430 px PNG (docs/performance.md).
 */
import { qrCodewords } from "./qr-codewords";
import type { QrErrorCorrection, QrMatrix } from "./qr-matrix";
import { ALIGNMENT_CENTRES } from "./qr-tables.generated";

const LEVEL_BITS: Record<QrErrorCorrection, number> = { L: 1, M: 0, Q: 3, H: 2 };

type Grid = { n: number; dark: Uint8Array; fixed: Uint8Array };

function set(g: Grid, r: number, c: number, dark: boolean) {
  g.dark[r * g.n + c] = dark ? 1 : 0;
  g.fixed[r * g.n + c] = 1;
}

function placeFinders(g: Grid) {
  for (const [row, col] of [
    [0, 0],
    [g.n - 7, 0],
    [0, g.n - 7],
  ] as const) {
    for (let r = -1; r <= 7; r++) {
      for (let c = -1; c <= 7; c++) {
        if (row + r < 0 || row + r >= g.n || col + c < 0 || col + c >= g.n) continue;
        const ring =
          (r >= 0 && r <= 6 && (c === 0 || c === 6)) || (c >= 0 && c <= 6 && (r === 0 || r === 6));
        set(g, row + r, col + c, ring || (r >= 2 && r <= 4 && c >= 2 && c <= 4));
      }
    }
  }
}

function placeAlignment(g: Grid, version: number) {
  const centres = ALIGNMENT_CENTRES[version - 1] ?? [];
  for (const row of centres) {
    for (const col of centres) {
      if (g.fixed[row * g.n + col]) continue;
      for (let r = -2; r <= 2; r++) {
        for (let c = -2; c <= 2; c++) {
          set(
            g,
            row + r,
            col + c,
            r === -2 || r === 2 || c === -2 || c === 2 || (r === 0 && c === 0),
          );
        }
      }
    }
  }
}

function placeTiming(g: Grid) {
  for (let i = 8; i < g.n - 8; i++) {
    if (!g.fixed[i * g.n + 6]) set(g, i, 6, i % 2 === 0);
    if (!g.fixed[6 * g.n + i]) set(g, 6, i, i % 2 === 0);
  }
}

function bch(data: number, poly: number, shift: number): number {
  let d = data << shift;
  const top = 31 - Math.clz32(poly);
  while (d !== 0 && 31 - Math.clz32(d) >= top) d ^= poly << (31 - Math.clz32(d) - top);
  return (data << shift) | d;
}

/** Format info (level and mask, BCH(15,5), XOR 0x5412); all light while masks are scored. */
function placeFormat(g: Grid, ecc: QrErrorCorrection, mask: number, blank: boolean) {
  const bits = bch((LEVEL_BITS[ecc] << 3) | mask, 0x537, 10) ^ 0x5412;
  const n = g.n;
  for (let i = 0; i < 15; i++) {
    const dark = !blank && ((bits >> i) & 1) === 1;
    set(g, i < 6 ? i : i < 8 ? i + 1 : n - 15 + i, 8, dark);
    set(g, 8, i < 8 ? n - i - 1 : i < 9 ? 15 - i : 14 - i, dark);
  }
  set(g, n - 8, 8, !blank);
}

/** Version info for versions 7 and up (BCH(18,6)); all light while masks are scored. */
function placeVersion(g: Grid, version: number, blank: boolean) {
  if (version < 7) return;
  const bits = bch(version, 0x1f25, 12);
  for (let i = 0; i < 18; i++) {
    const dark = !blank && ((bits >> i) & 1) === 1;
    set(g, Math.floor(i / 3), (i % 3) + g.n - 11, dark);
    set(g, (i % 3) + g.n - 11, Math.floor(i / 3), dark);
  }
}

const MASKS: ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];

/** Data cells in placement order (the two-column zigzag from the bottom right) with their bits. */
function placementOrder(g: Grid, codewords: Uint8Array): { cells: Int32Array; bits: Uint8Array } {
  const cells: number[] = [];
  let row = g.n - 1;
  let step = -1;
  for (let col = g.n - 1; col > 0; col -= 2) {
    if (col === 6) col--;
    for (;;) {
      for (let c = 0; c < 2; c++)
        if (!g.fixed[row * g.n + col - c]) cells.push(row * g.n + col - c);
      row += step;
      if (row < 0 || row >= g.n) {
        row -= step;
        step = -step;
        break;
      }
    }
  }
  const bits = new Uint8Array(cells.length);
  for (let k = 0; k < cells.length && k >> 3 < codewords.length; k++) {
    bits[k] = ((codewords[k >> 3] ?? 0) >> (7 - (k & 7))) & 1;
  }
  return { cells: Int32Array.from(cells), bits };
}

// Deliberate isolate cache: the 8 mask patterns per matrix size (ticket urls are all one size).
const maskTables = new Map<number, Uint8Array[]>();

function maskTablesFor(n: number): Uint8Array[] {
  const cached = maskTables.get(n);
  if (cached) return cached;
  const tables = MASKS.map((fn) => {
    const table = new Uint8Array(n * n);
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) table[r * n + c] = fn(r, c) ? 1 : 0;
    return table;
  });
  if (maskTables.size >= 8) maskTables.clear();
  maskTables.set(n, tables);
  return tables;
}

function applyMask(
  g: Grid,
  order: { cells: Int32Array; bits: Uint8Array },
  mask: number,
): Uint8Array {
  const out = g.dark.slice();
  const table = maskTablesFor(g.n)[mask] ?? new Uint8Array(g.n * g.n);
  const { cells, bits } = order;
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k] ?? 0;
    out[cell] = (bits[k] ?? 0) ^ (table[cell] ?? 0);
  }
  return out;
}

export function encodeQr(bytes: Uint8Array, ecc: QrErrorCorrection): QrMatrix {
  const { version, codewords } = qrCodewords(bytes, ecc);
  const n = version * 4 + 17;
  const g: Grid = { n, dark: new Uint8Array(n * n), fixed: new Uint8Array(n * n) };
  placeFinders(g);
  placeAlignment(g, version);
  placeTiming(g);
  placeFormat(g, ecc, 0, true);
  placeVersion(g, version, true);
  const order = placementOrder(g, codewords);

  let best = 0;
  let bestPenalty = 0;
  for (let mask = 0; mask < 8; mask++) {
    const penalty = maskPenalty(applyMask(g, order, mask), n);
    if (mask === 0 || bestPenalty > penalty) {
      best = mask;
      bestPenalty = penalty;
    }
  }

  placeFormat(g, ecc, best, false);
  placeVersion(g, version, false);
  return { size: n, modules: applyMask(g, order, best) };
}

/**
 * qrcode-generator's penalty (its `getLostPoint`), kept exactly, floating point included, so
 * both pick the same mask: crowded neighbourhoods, 2x2 blocks, finder-like 1011101 runs and
 * the dark ratio. Neighbourhoods are counted with 3x3 box sums of dark modules instead of eight
 * comparisons per module.
 */
export function maskPenalty(m: Uint8Array, n: number): number {
  let lost = 0;
  const columnSums = new Int32Array(n + 2);
  for (let r = 0; r < n; r++) {
    const above = r > 0 ? (r - 1) * n : -1;
    const below = r < n - 1 ? (r + 1) * n : -1;
    for (let c = 0; c < n; c++) {
      columnSums[c + 1] =
        (m[r * n + c] ?? 0) +
        (above >= 0 ? (m[above + c] ?? 0) : 0) +
        (below >= 0 ? (m[below + c] ?? 0) : 0);
    }
    const rowsIn = (above >= 0 ? 1 : 0) + 1 + (below >= 0 ? 1 : 0);
    for (let c = 0; c < n; c++) {
      const box = (columnSums[c] ?? 0) + (columnSums[c + 1] ?? 0) + (columnSums[c + 2] ?? 0);
      const neighbours = rowsIn * ((c > 0 ? 1 : 0) + 1 + (c < n - 1 ? 1 : 0)) - 1;
      const same = m[r * n + c] === 1 ? box - 1 : neighbours - box;
      if (same > 5) lost += 3 + same - 5;
    }
  }

  for (let r = 0; r < n - 1; r++) {
    for (let i = r * n, end = r * n + n - 1; i < end; i++) {
      const count = (m[i] ?? 0) + (m[i + 1] ?? 0) + (m[i + n] ?? 0) + (m[i + n + 1] ?? 0);
      if (count === 0 || count === 4) lost += 3;
    }
  }

  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n - 6; c++) {
      const i = r * n + c;
      if (
        m[i] === 1 &&
        m[i + 1] === 0 &&
        m[i + 2] === 1 &&
        m[i + 3] === 1 &&
        m[i + 4] === 1 &&
        m[i + 5] === 0 &&
        m[i + 6] === 1
      )
        lost += 40;
      const j = c * n + r;
      if (
        m[j] === 1 &&
        m[j + n] === 0 &&
        m[j + 2 * n] === 1 &&
        m[j + 3 * n] === 1 &&
        m[j + 4 * n] === 1 &&
        m[j + 5 * n] === 0 &&
        m[j + 6 * n] === 1
      )
        lost += 40;
    }
  }

  let darkCount = 0;
  for (let i = 0; i < n * n; i++) darkCount += m[i] ?? 0;
  const ratio = Math.abs((100 * darkCount) / n / n - 50) / 5;
  return lost + ratio * 10;
}
