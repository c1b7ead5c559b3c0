import { getKeyring, sealSecret } from "../crypto/secret-box";

export type AccountSecretsInput = {
  appSecret?: string;
  token?: string;
  encodingAesKey?: string;
};

export type SealedAccountSecrets = {
  appSecretEnc?: string;
  tokenEnc?: string;
  encodingAesKeyEnc?: string;
};

/** Seals the secrets that are given; the others stay out of the result (unchanged). */
export async function sealAccountSecrets(
  env: Env,
  input: AccountSecretsInput,
): Promise<SealedAccountSecrets> {
  const ring = await getKeyring(env);
  const out: SealedAccountSecrets = {};
  if (input.appSecret !== undefined) out.appSecretEnc = await sealSecret(ring, input.appSecret);
  if (input.token !== undefined) out.tokenEnc = await sealSecret(ring, input.token);
  if (input.encodingAesKey !== undefined) {
    out.encodingAesKeyEnc = await sealSecret(ring, input.encodingAesKey);
  }
  return out;
}
