import { lt } from "drizzle-orm";
import type { Db } from "../db/client";
import { webhookEvents } from "../db/schema";

/**
 * WeChat retries a push within seconds (wechat.md: 5 s deadline, 3 retries),
 * so a day of de-duplication keys is far more than needed.
 */
const KEPT_MS = 86_400_000;

export async function pruneWebhookEvents(db: Db, now: number): Promise<void> {
  await db.delete(webhookEvents).where(lt(webhookEvents.createdAt, now - KEPT_MS));
}
