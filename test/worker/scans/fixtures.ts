import { env } from "cloudflare:workers";
import { getDb } from "../../../src/db/client";
import { accounts, qrcodes } from "../../../src/db/schema";
import type { AccountRow } from "../../../src/http/types";

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

export async function insertAccount(overrides: Partial<typeof accounts.$inferInsert> = {}) {
  const now = Date.now();
  const [row] = await getDb(env.DB)
    .insert(accounts)
    .values({
      id: `acc_${unique()}`,
      name: "Test account",
      appId: `wx${unique()}`,
      originalId: "gh_test",
      createdAt: now,
      updatedAt: now,
      ...overrides,
    })
    .returning();
  if (!row) throw new Error("account insert failed");
  return row as AccountRow;
}

export async function insertCode(
  accountId: string,
  overrides: Partial<typeof qrcodes.$inferInsert> = {},
) {
  const now = Date.now();
  const id = `qr_${unique()}`;
  const [row] = await getDb(env.DB)
    .insert(qrcodes)
    .values({
      id,
      accountId,
      name: `Code ${id}`,
      kind: "permanent",
      scene: `s${unique()}`,
      actionName: "QR_LIMIT_STR_SCENE",
      liveToken: `lt_${unique()}`,
      createdAt: now,
      updatedAt: now,
      ...overrides,
    })
    .returning();
  if (!row) throw new Error("code insert failed");
  return row;
}
