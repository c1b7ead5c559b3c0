// WeChat's admin asks for the webhook Token and EncodingAESKey and offers to
// generate them; the console does the same so one value can be pasted into
// both places. Letters and digits only: the Token allows 3 to 32 of them, and
// the EncodingAESKey is exactly 43 (wechat.md, "Encryption").
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function randomAlphanumeric(length: number): string {
  // 62 does not divide 256: bytes from 248 up are dropped so every letter is equally likely.
  const out: string[] = [];
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < 248 && out.length < length) out.push(ALPHABET[byte % 62] ?? "A");
    }
  }
  return out.join("");
}

export const generateWebhookToken = () => randomAlphanumeric(32);
export const generateEncodingAesKey = () => randomAlphanumeric(43);
