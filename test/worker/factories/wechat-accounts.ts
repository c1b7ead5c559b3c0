import { env } from "cloudflare:workers";
import { getKeyring, sealSecret } from "../../../src/crypto/secret-box";
import { getDb } from "../../../src/db/client";
import { accounts, type MessageMode } from "../../../src/db/schema";
import type { AccountRow } from "../../../src/http/types";
import { bytesToHex } from "../../../src/lib/encoding";
import { newId, randomToken } from "../../../src/lib/ids";

/**
 * Inserts an account row directly, its secrets sealed as the accounts API
 * seals them, and returns the row with the plaintext secrets for tests to
 * sign and encrypt with. Sandbox by default; every field can be overridden.
 */
export type TestSecrets = {
  appSecret: string;
  token: string;
  encodingAesKey: string;
  previousEncodingAesKey: string | null;
};

export type TestAccountOverrides = Partial<
  Pick<AccountRow, "name" | "appId" | "originalId" | "messageMode" | "isSandbox" | "timeZone">
> &
  Partial<TestSecrets>;

const KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function randomEncodingAesKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(43));
  return Array.from(bytes, (b) => KEY_ALPHABET[b % KEY_ALPHABET.length]).join("");
}

function randomHex(bytes: number): string {
  return bytesToHex(crypto.getRandomValues(new Uint8Array(bytes)));
}

export async function createTestAccount(
  overrides: TestAccountOverrides = {},
): Promise<{ account: AccountRow; secrets: TestSecrets }> {
  const secrets: TestSecrets = {
    appSecret: overrides.appSecret ?? randomHex(16),
    token: overrides.token ?? randomToken(32),
    encodingAesKey: overrides.encodingAesKey ?? randomEncodingAesKey(),
    previousEncodingAesKey: overrides.previousEncodingAesKey ?? null,
  };
  const ring = await getKeyring(env);
  const now = Date.now();
  const mode: MessageMode = overrides.messageMode ?? "safe";
  const [account] = await getDb(env.DB)
    .insert(accounts)
    .values({
      id: newId("acc"),
      name: overrides.name ?? "Test account",
      appId: overrides.appId ?? `wx${randomHex(8)}`,
      originalId: overrides.originalId ?? `gh_${randomHex(6)}`,
      messageMode: mode,
      timeZone: overrides.timeZone ?? "Asia/Shanghai",
      isSandbox: overrides.isSandbox ?? true,
      appSecretEnc: await sealSecret(ring, secrets.appSecret),
      tokenEnc: await sealSecret(ring, secrets.token),
      encodingAesKeyEnc: await sealSecret(ring, secrets.encodingAesKey),
      previousEncodingAesKeyEnc: secrets.previousEncodingAesKey
        ? await sealSecret(ring, secrets.previousEncodingAesKey)
        : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!account) throw new Error("test account insert returned nothing");
  return { account, secrets };
}
