import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { qrcodes, type StoredReplyMessage } from "../db/schema";
import { groupIdByName, insertGroupIfMissing } from "../groups/find-or-create-group";
import type { AccountRow } from "../http/types";
import { newId, randomToken } from "../lib/ids";
import type { WechatError } from "../wechat/errors";
import { type IssuedTicket, issueQrTicket } from "./issue-ticket";
import type { QrCodeRow } from "./present-qrcode";
import type { GroupChoice } from "./resolve-code-settings";
import type { CodeSettingsInput } from "./schemas";

/** Everything a new code needs once its references were checked. */
export type NewCodeSpec = Omit<CodeSettingsInput, "groupId" | "newGroupName" | "reply"> & {
  name: string;
  group: GroupChoice;
  reply: StoredReplyMessage[];
};

export type NewCodeKeys = {
  scene: number;
  idempotencyKey: string | null;
  createdBy: string | null;
};

export type StoreQrCodeResult =
  | { ok: true; code: QrCodeRow; replayed: boolean }
  | { ok: false; reason: "wechat"; error: WechatError };

/** 32 base-36 characters: about 165 random bits, so live URLs cannot be guessed. */
const LIVE_TOKEN_LENGTH = 32;

export async function findByIdempotencyKey(db: Db, accountId: string, key: string) {
  return db.query.qrcodes.findFirst({
    where: and(eq(qrcodes.accountId, accountId), eq(qrcodes.idempotencyKey, key)),
  });
}

export function validityDaysOf(spec: Pick<NewCodeSpec, "kind" | "validityDays">): number | null {
  return spec.kind === "temporary" ? (spec.validityDays ?? 30) : null;
}

/** Asks WeChat for the ticket of a new code's scene. */
export function issueNewCodeTicket(
  env: Env,
  account: AccountRow,
  spec: NewCodeSpec,
  scene: number,
) {
  return issueQrTicket(env, account, {
    kind: spec.kind,
    scene: String(scene),
    validityDays: validityDaysOf(spec),
  });
}

/** The row of a new code whose ticket WeChat issued. */
export function newQrCodeValues(
  account: AccountRow,
  spec: NewCodeSpec,
  issued: IssuedTicket,
  keys: NewCodeKeys,
  now = Date.now(),
) {
  const groupId =
    spec.group.kind === "existing"
      ? spec.group.id
      : spec.group.kind === "new"
        ? groupIdByName(account.id, spec.group.name)
        : null;
  return {
    id: newId("qr"),
    accountId: account.id,
    groupId,
    name: spec.name,
    kind: spec.kind,
    scene: String(keys.scene),
    actionName: issued.actionName,
    ticket: issued.ticket,
    url: issued.url,
    expiresAt: issued.expiresAt,
    validityDays: validityDaysOf(spec),
    autoRenew: spec.kind === "temporary" && spec.autoRenew,
    liveToken: randomToken(LIVE_TOKEN_LENGTH),
    fanTagIds: spec.fanTagIds,
    memberTagIds: spec.memberTagIds,
    reply: spec.reply,
    formId: spec.formId ?? null,
    idempotencyKey: keys.idempotencyKey,
    createdBy: keys.createdBy,
    createdAt: now,
    updatedAt: now,
  };
}

function isIdempotencyConflict(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if (e.message.includes("UNIQUE constraint failed") && e.message.includes("idempotency_key")) {
      return true;
    }
  }
  return false;
}

/**
 * Asks WeChat for the ticket first and writes the row only when it came, so
 * a failed call leaves nothing behind but a skipped scene number. When two
 * requests with one idempotency key race, the unique index keeps one row
 * and the loser answers with it.
 */
export async function issueAndStoreQrCode(
  env: Env,
  db: Db,
  account: AccountRow,
  spec: NewCodeSpec,
  keys: NewCodeKeys,
): Promise<StoreQrCodeResult> {
  const issued = await issueNewCodeTicket(env, account, spec, keys.scene);
  if (!issued.ok) return { ok: false, reason: "wechat", error: issued.error };

  const now = Date.now();
  const insert = db
    .insert(qrcodes)
    .values(newQrCodeValues(account, spec, issued.value, keys, now))
    .returning();
  try {
    // The group insert goes first: the code's group id is read from it by name.
    const [code] =
      spec.group.kind === "new"
        ? (await db.batch([insertGroupIfMissing(db, account.id, spec.group.name, now), insert]))[1]
        : await insert;
    if (!code) throw new Error("qrcode insert returned nothing");
    return { ok: true, code, replayed: false };
  } catch (err) {
    const existing =
      keys.idempotencyKey && isIdempotencyConflict(err)
        ? await findByIdempotencyKey(db, account.id, keys.idempotencyKey)
        : undefined;
    if (!existing) throw err;
    return { ok: true, code: existing, replayed: true };
  }
}
