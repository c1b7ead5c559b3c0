const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/** Random lowercase base-36 string from the platform CSPRNG. */
export function randomToken(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = "";
  for (const b of bytes) out += ALPHABET[b % 36];
  return out;
}

/** An id like `qr_k3j9x0...`: a prefix naming the kind, then 16 random characters. */
export function newId(prefix: string): string {
  return `${prefix}_${randomToken(16)}`;
}
