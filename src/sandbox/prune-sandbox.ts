import { lt } from "drizzle-orm";
import type { Db } from "../db/client";
import { sandboxCalls, sandboxFaults, sandboxOauthCodes, sandboxTokens } from "../db/schema";

const DAY_MS = 86_400_000;
/** Recorded calls are for tests and the console's recent view; a week is plenty. */
const CALLS_KEPT_MS = 7 * DAY_MS;

/** Drops what the sandbox no longer needs: old call records, dead tokens, codes and faults. */
export async function pruneSandbox(db: Db, now: number): Promise<void> {
  await db.batch([
    db.delete(sandboxCalls).where(lt(sandboxCalls.createdAt, now - CALLS_KEPT_MS)),
    db.delete(sandboxTokens).where(lt(sandboxTokens.expiresAt, now - DAY_MS)),
    db.delete(sandboxOauthCodes).where(lt(sandboxOauthCodes.expiresAt, now - DAY_MS)),
    db.delete(sandboxFaults).where(lt(sandboxFaults.remaining, 1)),
  ]);
}
