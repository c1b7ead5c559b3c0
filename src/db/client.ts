import type { BatchItem } from "drizzle-orm/batch";
import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema";

export type Db = ReturnType<typeof getDb>;

export function getDb(d1: D1Database) {
  return drizzle(d1, { schema });
}

/**
 * Runs statements atomically in one D1 batch (D1 rejects BEGIN, so this is
 * how a multi-statement change stays all-or-nothing). An empty list is a no-op.
 */
export async function runBatch(db: Db, statements: BatchItem<"sqlite">[]) {
  const [first, ...rest] = statements;
  if (!first) return [];
  return db.batch([first, ...rest]);
}
