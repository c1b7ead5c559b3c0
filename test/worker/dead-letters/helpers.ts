import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { getDb } from "../../../src/db/client";
import { auditLog } from "../../../src/db/schema";
import { recordDeadLetter } from "../../../src/dead-letters/record-dead-letter";
import type { DeadLetter } from "../../../src/dead-letters/schemas";
import { call } from "../helpers";

export const DLQ = "wechat-qr-jobs-dlq";

/** Records a dead letter through the same code the DLQ consumer runs; returns its id. */
export function deadLetterOf(body: unknown, attempts = 6): Promise<string> {
  return recordDeadLetter(env, DLQ, body, attempts);
}

export async function listAs(headers: Record<string, string>, query = "") {
  const res = await call(`/api/dead-letters${query}`, { headers });
  const body = (await res.json()) as { deadLetters: DeadLetter[] };
  return { res, ids: (body.deadLetters ?? []).map((d) => d.id), body };
}

export function decide(id: string, action: "retry" | "discard", headers: Record<string, string>) {
  return call(`/api/dead-letters/${id}/${action}`, { method: "POST", headers });
}

export async function auditOf(id: string) {
  return getDb(env.DB).select().from(auditLog).where(eq(auditLog.entityId, id));
}

/** Polls until `check` returns a value, for work the queue consumer does in the background. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
