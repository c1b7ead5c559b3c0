import type { Db } from "../db/client";
import type { AccountRow } from "../http/types";
import type { WechatError } from "../wechat/errors";
import { PERMANENT_CAP_MESSAGE, remainingPermanentCodes } from "./permanent-cap";
import type { QrCodeRow } from "./present-qrcode";
import { resolveCodeSettings } from "./resolve-code-settings";
import { reserveScenes } from "./scenes";
import type { CreateQrCodeInput } from "./schemas";
import { findByIdempotencyKey, issueAndStoreQrCode } from "./store-qrcode";

export type CreateQrCodeOptions = { idempotencyKey: string | null; createdBy: string | null };

export type CreateQrCodeResult =
  | { ok: true; code: QrCodeRow; replayed: boolean }
  | { ok: false; reason: "not_found" | "bad_request" | "limit_exceeded"; message: string }
  | { ok: false; reason: "wechat"; error: WechatError };

/**
 * Creates one code: a replayed idempotency key answers the code it made
 * before; references are checked; permanent codes are counted against the
 * cap before WeChat is asked; then a scene is reserved, WeChat issues the
 * ticket, and the row is written.
 */
export async function createQrCode(
  env: Env,
  db: Db,
  account: AccountRow,
  input: CreateQrCodeInput,
  options: CreateQrCodeOptions,
): Promise<CreateQrCodeResult> {
  if (options.idempotencyKey) {
    const earlier = await findByIdempotencyKey(db, account.id, options.idempotencyKey);
    if (earlier) return { ok: true, code: earlier, replayed: true };
  }

  const refs = await resolveCodeSettings(db, account.id, input);
  if (!refs.ok) return refs;
  if (input.kind === "permanent" && (await remainingPermanentCodes(db, account.id)) < 1) {
    return { ok: false, reason: "limit_exceeded", message: PERMANENT_CAP_MESSAGE };
  }

  // TODO(#4): two requests racing with one Idempotency-Key each reserve a scene and ask
  // WeChat; the unique index keeps one row and the other ticket is never used (for a
  // permanent code, one of WeChat's 100,000 slots). Claiming the key in the account's
  // Durable Object before asking would close it; it waits for the DO's owner.
  const scene = await reserveScenes(db, account.id);
  const { groupId: _groupId, newGroupName: _newGroupName, ...settings } = input;
  return issueAndStoreQrCode(
    env,
    db,
    account,
    { ...settings, group: refs.group ?? { kind: "none" } },
    { scene, ...options },
  );
}
