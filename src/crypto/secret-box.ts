import { base64ToBytes, bytesToBase64 } from "../lib/encoding";

/**
 * Encrypts account secrets at rest with AES-256-GCM. A sealed value reads
 * `v1.<keyId>.<iv>.<ciphertext>`; the key id lets the key be rotated: the
 * current key (SECRETS_KEY, "id:base64") seals, retired keys
 * (SECRETS_KEYS_OLD, "id:base64,id:base64") still open what they sealed.
 */
export type SecretKeyring = { currentId: string; keys: Map<string, CryptoKey> };

type KeyringEnv = Pick<Env, "SECRETS_KEY" | "SECRETS_KEYS_OLD">;

// Deliberate isolate cache: importing a key is pure and the env does not
// change within an isolate, so one keyring per distinct configuration.
const keyringCache = new Map<string, Promise<SecretKeyring>>();

function parseKeySpec(spec: string): { id: string; raw: Uint8Array } {
  const sep = spec.indexOf(":");
  if (sep <= 0) throw new Error("secret key must read keyId:base64");
  const raw = base64ToBytes(spec.slice(sep + 1).trim());
  if (raw.length !== 32) throw new Error("secret key must be 32 bytes");
  return { id: spec.slice(0, sep).trim(), raw };
}

async function importKey(raw: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
}

async function buildKeyring(env: KeyringEnv): Promise<SecretKeyring> {
  const current = parseKeySpec(env.SECRETS_KEY);
  const keys = new Map<string, CryptoKey>([[current.id, await importKey(current.raw)]]);
  for (const spec of (env.SECRETS_KEYS_OLD ?? "").split(",").filter((s) => s.trim())) {
    const old = parseKeySpec(spec);
    if (!keys.has(old.id)) keys.set(old.id, await importKey(old.raw));
  }
  return { currentId: current.id, keys };
}

export function getKeyring(env: KeyringEnv): Promise<SecretKeyring> {
  const cacheKey = `${env.SECRETS_KEY}|${env.SECRETS_KEYS_OLD ?? ""}`;
  let ring = keyringCache.get(cacheKey);
  if (!ring) {
    ring = buildKeyring(env);
    keyringCache.set(cacheKey, ring);
  }
  return ring;
}

export async function sealSecret(ring: SecretKeyring, plaintext: string): Promise<string> {
  const key = ring.keys.get(ring.currentId);
  if (!key) throw new Error("current secret key missing");
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = new TextEncoder().encode(plaintext);
  const sealed = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, data);
  return `v1.${ring.currentId}.${bytesToBase64(iv)}.${bytesToBase64(new Uint8Array(sealed))}`;
}

export async function openSecret(ring: SecretKeyring, sealed: string): Promise<string> {
  const [version, keyId, iv, body] = sealed.split(".");
  if (version !== "v1" || !keyId || !iv || !body) throw new Error("sealed secret is malformed");
  const key = ring.keys.get(keyId);
  if (!key) throw new Error(`no secret key with id ${keyId}`);
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: base64ToBytes(iv) },
    key,
    base64ToBytes(body),
  );
  return new TextDecoder().decode(plain);
}

/** The key id a sealed value was written with, to find values awaiting re-encryption. */
export function sealedKeyId(sealed: string): string | undefined {
  return sealed.split(".")[1];
}
