// Shared helpers for the benchmark scripts: loading the bundle, timing, memory, results.

import { writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";

export const BUNDLE = new URL("../node_modules/.cache/bench-build/lib.mjs", import.meta.url);

export type Lib = typeof import("./lib.ts");

export async function loadLib(): Promise<Lib> {
  return (await import(BUNDLE.href)) as Lib;
}

/** 47 characters, the length of a WeChat ticket url; `i` varies the last 6 so nothing is cached. */
export function ticketUrl(i: number): string {
  return `http://weixin.qq.com/q/02xGZ3kQbHdFd1AbCd${String(i).padStart(6, "0").slice(-6)}`;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function machine() {
  const cpu = cpus();
  return {
    node: process.version,
    cpu: cpu[0]?.model ?? "unknown",
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    /** 1, 5 and 15 minutes, when the result is written: the machine is often shared. */
    loadAverage: loadavg().map((l) => +l.toFixed(2)),
  };
}

/** Heap plus ArrayBuffers: what a Worker's 128 MB isolate limit counts. */
export function usedBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function writeResult(name: string, result: unknown): void {
  const path = new URL(`./results/${name}.json`, import.meta.url);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote bench/results/${name}.json`);
}

export const MB = 1024 * 1024;
