import { getKeyring, openSecret } from "../crypto/secret-box";
import type { AccountRow } from "../http/types";

/**
 * The four secrets of an account, opened from their sealed columns (the
 * accounts API seals them with sealSecret). Null where none is stored.
 * Callers keep them in memory for one request and never log them.
 */
export type AccountSecrets = {
  appSecret: string | null;
  token: string | null;
  encodingAesKey: string | null;
  previousEncodingAesKey: string | null;
};

type SealedColumns = Pick<
  AccountRow,
  "appSecretEnc" | "tokenEnc" | "encodingAesKeyEnc" | "previousEncodingAesKeyEnc"
>;

export async function loadAccountSecrets(
  env: Env,
  account: SealedColumns,
): Promise<AccountSecrets> {
  const ring = await getKeyring(env);
  const open = (sealed: string | null) =>
    sealed ? openSecret(ring, sealed) : Promise.resolve(null);
  const [appSecret, token, encodingAesKey, previousEncodingAesKey] = await Promise.all([
    open(account.appSecretEnc),
    open(account.tokenEnc),
    open(account.encodingAesKeyEnc),
    open(account.previousEncodingAesKeyEnc),
  ]);
  return { appSecret, token, encodingAesKey, previousEncodingAesKey };
}
