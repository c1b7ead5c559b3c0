import type { Context } from "hono";
import type { Db } from "../../db/client";

/**
 * The sandbox API speaks WeChat's wire format, not the product's: errors are
 * `{ errcode, errmsg }` with HTTP 200, as WeChat answers them.
 */
export type SandboxVariables = {
  db: Db;
  /** The AppID the call is for (from the token, the body or the query). */
  appId: string;
  /** The JSON body, read once by the gate. */
  json: unknown;
  /** What to record for this call instead of the JSON body (uploads). */
  record: unknown;
};
export type SandboxEnv = { Bindings: Env; Variables: SandboxVariables };
export type SandboxContext = Context<SandboxEnv>;

export function wxError(c: SandboxContext, errcode: number, errmsg: string) {
  return c.json({ errcode, errmsg: `${errmsg} rid: sandbox-${crypto.randomUUID().slice(0, 8)}` });
}

export function wxOk(c: SandboxContext) {
  return c.json({ errcode: 0, errmsg: "ok" });
}

/** The JSON body as a plain object, or an empty one. */
export function jsonObject(c: SandboxContext): Record<string, unknown> {
  const json = c.get("json");
  return typeof json === "object" && json !== null && !Array.isArray(json)
    ? (json as Record<string, unknown>)
    : {};
}

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function randomChars(length: number, alphabet: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = "";
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

const OPENID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** An openid shaped like WeChat's: 28 characters starting with "o". */
export function newOpenid(): string {
  return `o${randomChars(27, OPENID_ALPHABET)}`;
}
