import type { Db } from "../db/client";
import { hitRateLimit } from "../lib/rate-limit";

// Per address, room for a venue's guests behind one Wi-Fi NAT; per fan, a
// person correcting a typo a few times, not a script.
export const PER_ADDRESS = { limit: 30, windowMs: 60_000 };
export const PER_FAN = { limit: 5, windowMs: 60_000 };

export type ThrottleResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts one submission attempt against the client address and, when known, the fan. */
export async function throttleSubmission(
  db: Db,
  address: string,
  fanId: string | null,
): Promise<ThrottleResult> {
  const byAddress = await hitRateLimit(db, `form:ip:${address}`, PER_ADDRESS);
  const byFan = fanId ? await hitRateLimit(db, `form:fan:${fanId}`, PER_FAN) : null;
  const refused = [byAddress, byFan].filter((r) => r && !r.allowed);
  if (!refused.length) return { allowed: true };
  return {
    allowed: false,
    retryAfterSeconds: Math.max(...refused.map((r) => r?.retryAfterSeconds ?? 60)),
  };
}

/** The address as stored on a submission: an HMAC, so the raw address is never kept. */
export async function hashClientAddress(signingKey: string, address: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(signingKey),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`client:${address}`));
  return Array.from(new Uint8Array(mac).subarray(0, 16), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");
}
