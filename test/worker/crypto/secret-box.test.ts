import { describe, expect, it } from "vitest";
import { getKeyring, openSecret, sealedKeyId, sealSecret } from "../../../src/crypto/secret-box";

const key = (byte: number) => btoa(String.fromCharCode(...new Uint8Array(32).fill(byte)));
const K1 = `k1:${key(1)}`;
const K2 = `k2:${key(2)}`;

describe("sealSecret and openSecret", () => {
  it("seals with the current key id and opens to the same text, never storing it plain", async () => {
    const ring = await getKeyring({ SECRETS_KEY: K1, SECRETS_KEYS_OLD: "" });
    const sealed = await sealSecret(ring, "app-secret-0123456789");
    expect(sealed).toMatch(/^v1\.k1\./);
    expect(sealed).not.toContain("app-secret");
    expect(await openSecret(ring, sealed)).toBe("app-secret-0123456789");
    // A fresh IV each time: the same secret never seals to the same text.
    expect(await sealSecret(ring, "app-secret-0123456789")).not.toBe(sealed);
  });

  it("opens a value sealed with a retired key after rotation, and seals new ones with the new key", async () => {
    const before = await getKeyring({ SECRETS_KEY: K1, SECRETS_KEYS_OLD: "" });
    const old = await sealSecret(before, "webhook-token");
    const after = await getKeyring({ SECRETS_KEY: K2, SECRETS_KEYS_OLD: K1 });
    expect(await openSecret(after, old)).toBe("webhook-token");
    const resealed = await sealSecret(after, "webhook-token");
    expect(sealedKeyId(resealed)).toBe("k2");
  });

  it("refuses a value whose key is no longer configured, naming only the key id", async () => {
    const before = await getKeyring({ SECRETS_KEY: K1, SECRETS_KEYS_OLD: "" });
    const old = await sealSecret(before, "aes-key");
    const dropped = await getKeyring({ SECRETS_KEY: K2, SECRETS_KEYS_OLD: "" });
    await expect(openSecret(dropped, old)).rejects.toThrow("no secret key with id k1");
  });

  it("refuses a tampered ciphertext (AES-GCM authenticates it)", async () => {
    const ring = await getKeyring({ SECRETS_KEY: K1, SECRETS_KEYS_OLD: "" });
    const sealed = await sealSecret(ring, "app-secret");
    const parts = sealed.split(".");
    const body = parts[3] ?? "";
    const flipped = (body[0] === "A" ? "B" : "A") + body.slice(1);
    await expect(
      openSecret(ring, [parts[0], parts[1], parts[2], flipped].join(".")),
    ).rejects.toThrow();
  });

  it.each([
    ["no key id", key(1)],
    ["a key of 16 bytes", `k1:${btoa("0123456789abcdef")}`],
  ])("refuses a SECRETS_KEY with %s", async (_label, spec) => {
    await expect(getKeyring({ SECRETS_KEY: spec, SECRETS_KEYS_OLD: "" })).rejects.toThrow();
  });
});
