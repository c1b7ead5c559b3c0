import type { Db } from "../db/client";
import { getAccountStub } from "../durable/account-do";
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
  | {
      ok: false;
      reason: "not_found" | "bad_request" | "limit_exceeded" | "conflict";
      message: string;
    }
  | { ok: false; reason: "wechat"; error: WechatError };

const KEY_IN_FLIGHT =
  "A request with this Idempotency-Key is still being processed; retry it in a few seconds";
/** How long a request waits for the one holding its key before answering 409. */
const WAIT_FOR_HOLDER_MS = 8000;
const POLL_MS = 150;

/**
 * Creates one code: a replayed idempotency key answers the code it made
 * before, and a key whose first request is still running waits for it;
 * references are checked; permanent codes are counted against the cap
 * before WeChat is asked; then a scene is reserved, WeChat issues the
 * ticket, and the row is written.
 */
export async function createQrCode(
  env: Env,
  db: Db,
  account: AccountRow,
  input: CreateQrCodeInput,
  options: CreateQrCodeOptions,
): Promise<CreateQrCodeResult> {
  const key = options.idempotencyKey;
  if (!key) return createUnkeyed(env, db, account, input, options);

  const earlier = await findByIdempotencyKey(db, account.id, key);
  if (earlier) return { ok: true, code: earlier, replayed: true };
  const stub = getAccountStub(env, account.id);
  if (!(await stub.claimIdempotencyKey(key))) return waitForHolder(db, account.id, key);
  try {
    // The holder may have finished between the lookup and the claim.
    const stored = await findByIdempotencyKey(db, account.id, key);
    if (stored) return { ok: true, code: stored, replayed: true };
    return await createUnkeyed(env, db, account, input, options);
  } finally {
    await stub.releaseIdempotencyKey(key);
  }
}

/** The code the request holding the key makes, once it is stored; 409 if it takes too long. */
async function waitForHolder(db: Db, accountId: string, key: string): Promise<CreateQrCodeResult> {
  for (let waited = 0; waited < WAIT_FOR_HOLDER_MS; waited += POLL_MS) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const code = await findByIdempotencyKey(db, accountId, key);
    if (code) return { ok: true, code, replayed: true };
  }
  return { ok: false, reason: "conflict", message: KEY_IN_FLIGHT };
}

async function createUnkeyed(
  env: Env,
  db: Db,
  account: AccountRow,
  input: CreateQrCodeInput,
  options: CreateQrCodeOptions,
): Promise<CreateQrCodeResult> {
  const refs = await resolveCodeSettings(db, account.id, input);
  if (!refs.ok) return refs;
  if (input.kind === "permanent" && (await remainingPermanentCodes(db, account.id)) < 1) {
    return { ok: false, reason: "limit_exceeded", message: PERMANENT_CAP_MESSAGE };
  }

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
