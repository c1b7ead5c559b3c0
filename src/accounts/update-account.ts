import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { accounts, qrcodeDaily } from "../db/schema";
import type { AccountRow } from "../http/types";
import { isAppIdTaken } from "./create-account";
import type { UpdateAccountInput } from "./schemas";
import { sealAccountSecrets } from "./seal-account-secrets";

export type UpdateAccountResult =
  | { ok: true; account: AccountRow }
  | { ok: false; reason: "app_id_taken" }
  | { ok: false; reason: "time_zone_locked" };

/**
 * Whether the account has counted a scan. Its rollups carry day labels of
 * the zone they were recorded in, and relabelling them would need raw scans
 * that retention may already have pruned: so the zone is fixed from then on.
 */
async function hasCountedScans(db: Db, accountId: string): Promise<boolean> {
  const row = await db
    .select({ day: qrcodeDaily.day })
    .from(qrcodeDaily)
    .where(eq(qrcodeDaily.accountId, accountId))
    .limit(1);
  return row.length > 0;
}

/**
 * Applies the given fields. A new EncodingAESKey keeps the current one as the
 * previous key: wechat.md (key rotation) says to try the old key when the new
 * one fails, since WeChat may still sign with it for a while.
 */
export async function updateAccount(
  env: Env,
  db: Db,
  account: AccountRow,
  input: UpdateAccountInput,
): Promise<UpdateAccountResult> {
  if (input.appId && input.appId !== account.appId) {
    if (await isAppIdTaken(db, input.appId, account.id))
      return { ok: false, reason: "app_id_taken" };
  }
  if (input.timeZone && input.timeZone !== account.timeZone) {
    if (await hasCountedScans(db, account.id)) return { ok: false, reason: "time_zone_locked" };
  }
  const { appSecret, token, encodingAesKey, ...plain } = input;
  const sealed = await sealAccountSecrets(env, { appSecret, token, encodingAesKey });
  const rotation =
    sealed.encodingAesKeyEnc && account.encodingAesKeyEnc
      ? { previousEncodingAesKeyEnc: account.encodingAesKeyEnc }
      : {};

  const [row] = await db
    .update(accounts)
    .set({ ...plain, ...sealed, ...rotation, updatedAt: Date.now() })
    .where(eq(accounts.id, account.id))
    .returning();
  if (!row) throw new Error("account update returned nothing");
  return { ok: true, account: row };
}

/**
 * Soft-deletes the account: its codes, scans and fans stay for the record.
 * The AppID is freed (renamed on the deleted row) so that the same official
 * account can be connected again.
 */
export async function deleteAccount(db: Db, account: AccountRow): Promise<void> {
  const now = Date.now();
  await db
    .update(accounts)
    .set({ deletedAt: now, updatedAt: now, appId: `${account.appId}~deleted~${account.id}` })
    .where(eq(accounts.id, account.id));
}
