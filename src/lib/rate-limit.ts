import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { rateLimits } from "../db/schema";
import { sha256Hex } from "./encoding";

export type RateLimitOptions = { limit: number; windowMs: number; now?: number };
export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/** Keys are stored hashed: the counted thing (an address, an email) is personal data. */
async function storedKey(key: string): Promise<string> {
  return `${key.split(":")[0]}:${await sha256Hex(key)}`;
}

/**
 * Counts one hit against `key` in a fixed window and says whether it is
 * within the limit. One upsert statement, so concurrent hits cannot both
 * slip through the same count.
 */
export async function hitRateLimit(
  db: Db,
  key: string,
  options: RateLimitOptions,
): Promise<RateLimitResult> {
  const now = options.now ?? Date.now();
  const windowStart = now - (now % options.windowMs);
  const hashed = await storedKey(key);
  const [row] = await db
    .insert(rateLimits)
    .values({ key: hashed, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} = ${windowStart} then ${rateLimits.count} + 1 else 1 end`,
        windowStart,
      },
    })
    .returning({ count: rateLimits.count });
  const count = row?.count ?? 1;
  return {
    allowed: count <= options.limit,
    remaining: Math.max(0, options.limit - count),
    retryAfterSeconds: Math.ceil((windowStart + options.windowMs - now) / 1000),
  };
}

/** Whether `key` is still within its limit, without counting a hit. */
export async function peekRateLimit(
  db: Db,
  key: string,
  options: RateLimitOptions,
): Promise<RateLimitResult> {
  const now = options.now ?? Date.now();
  const windowStart = now - (now % options.windowMs);
  const stored = await storedKey(key);
  const row = await db.query.rateLimits.findFirst({ where: (r, { eq }) => eq(r.key, stored) });
  const count = row && row.windowStart === windowStart ? row.count : 0;
  return {
    allowed: count < options.limit,
    remaining: Math.max(0, options.limit - count),
    retryAfterSeconds: Math.ceil((windowStart + options.windowMs - now) / 1000),
  };
}

/** The caller's address as Cloudflare reports it; "unknown" locally without the header. */
export function clientAddress(req: Request): string {
  return (
    req.headers.get("CF-Connecting-IP") ??
    req.headers.get("X-Forwarded-For")?.split(",")[0]?.trim() ??
    "unknown"
  );
}
