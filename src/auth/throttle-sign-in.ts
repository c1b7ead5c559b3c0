import type { Db } from "../db/client";
import { AppError } from "../http/errors";
import { hitRateLimit, peekRateLimit } from "../lib/rate-limit";
import { normaliseEmail } from "./sign-in";

// Only failed attempts count. Per address, generous enough for an office
// behind one NAT; per email, tight enough that guessing a password is slow.
const PER_ADDRESS = { limit: 30, windowMs: 15 * 60_000 };
const PER_EMAIL = { limit: 10, windowMs: 15 * 60_000 };

const keys = (address: string, email: string) => ({
  address: `login:ip:${address}`,
  email: `login:email:${normaliseEmail(email)}`,
});

/** Throws `rate_limited` while this address or email has too many recent failures. */
export async function assertSignInAllowed(db: Db, address: string, email: string) {
  const k = keys(address, email);
  const byAddress = await peekRateLimit(db, k.address, PER_ADDRESS);
  const byEmail = await peekRateLimit(db, k.email, PER_EMAIL);
  if (byAddress.allowed && byEmail.allowed) return;
  const wait = Math.max(
    byAddress.allowed ? 0 : byAddress.retryAfterSeconds,
    byEmail.allowed ? 0 : byEmail.retryAfterSeconds,
  );
  throw new AppError(
    "rate_limited",
    `Too many failed sign-in attempts; try again in ${wait} seconds`,
    {
      details: { retryAfterSeconds: wait },
    },
  );
}

export async function recordFailedSignIn(db: Db, address: string, email: string) {
  const k = keys(address, email);
  await hitRateLimit(db, k.address, PER_ADDRESS);
  await hitRateLimit(db, k.email, PER_EMAIL);
}
