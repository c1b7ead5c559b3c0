import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { accounts, userAccounts } from "../db/schema";
import type { AccountRow, AuthContext } from "../http/types";
import { newId } from "../lib/ids";
import { generateSandboxCredentials } from "./sandbox-credentials";
import type { CreateAccountInput } from "./schemas";
import { sealAccountSecrets } from "./seal-account-secrets";

export type CreateAccountResult =
  | { ok: true; account: AccountRow }
  | { ok: false; reason: "app_id_taken" };

/** Whether a live (not deleted) account other than `exceptId` already uses the AppID. */
export async function isAppIdTaken(db: Db, appId: string, exceptId?: string): Promise<boolean> {
  const row = await db.query.accounts.findFirst({
    columns: { id: true },
    where: and(eq(accounts.appId, appId), isNull(accounts.deletedAt)),
  });
  return row !== undefined && row.id !== exceptId;
}

/**
 * Connects an official account. Sandbox accounts get generated credentials
 * for whatever was left out. A creator who is not an owner is granted the
 * account, or they could not see what they just made.
 */
export async function createAccount(
  env: Env,
  db: Db,
  auth: AuthContext,
  input: CreateAccountInput,
): Promise<CreateAccountResult> {
  const generated = input.isSandbox ? generateSandboxCredentials() : undefined;
  const appId = input.appId ?? generated?.appId ?? "";
  if (await isAppIdTaken(db, appId)) return { ok: false, reason: "app_id_taken" };

  const sealed = await sealAccountSecrets(env, {
    appSecret: input.appSecret ?? generated?.appSecret,
    token: input.token ?? generated?.token,
    encodingAesKey: input.encodingAesKey ?? generated?.encodingAesKey,
  });
  const now = Date.now();
  const row = {
    id: newId("acc"),
    name: input.name,
    appId,
    originalId: input.originalId ?? generated?.originalId ?? "",
    messageMode: input.messageMode,
    timeZone: input.timeZone ?? env.DEFAULT_TIME_ZONE ?? "Asia/Shanghai",
    isSandbox: input.isSandbox,
    scanRetentionDays: input.scanRetentionDays,
    ...sealed,
    createdAt: now,
    updatedAt: now,
  };

  const insert = db.insert(accounts).values(row).returning();
  const [inserted] =
    auth.role === "owner"
      ? await insert
      : (
          await db.batch([
            insert,
            db
              .insert(userAccounts)
              .values({ userId: auth.userId, accountId: row.id, createdAt: now }),
          ])
        )[0];
  if (!inserted) throw new Error("account insert returned nothing");
  return { ok: true, account: inserted };
}
