import { createMiddleware } from "hono/factory";
import { getDb } from "../../db/client";
import { sandboxCalls } from "../../db/schema";
import { takeFault } from "../faults";
import { type SandboxContext, type SandboxEnv, wxError } from "./context";
import { findToken } from "./token";

/**
 * Runs before every sandbox API call: finds the AppID the call is for,
 * applies an injected fault, checks the access token (40001 unknown, 42001
 * expired), and afterwards records the call and its errcode.
 */
const APPID_IN_BODY = new Set(["/cgi-bin/stable_token"]);
const APPID_IN_QUERY = new Set(["/sns/oauth2/access_token"]);
const SECRET_KEYS = new Set(["secret", "access_token"]);

async function readJson(c: SandboxContext): Promise<unknown> {
  if (!c.req.header("content-type")?.includes("application/json")) return null;
  try {
    return await c.req.json();
  } catch {
    return null;
  }
}

function withoutSecrets(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !SECRET_KEYS.has(k)));
}

function callerAppId(c: SandboxContext): string {
  const path = c.req.path;
  if (APPID_IN_BODY.has(path)) {
    const json = c.get("json");
    const appid =
      typeof json === "object" && json !== null ? (json as { appid?: unknown }).appid : undefined;
    return typeof appid === "string" ? appid : "";
  }
  if (APPID_IN_QUERY.has(path)) return c.req.query("appid") ?? "";
  return "";
}

async function errcodeOf(res: Response): Promise<number> {
  try {
    const body = (await res.clone().json()) as { errcode?: unknown };
    return typeof body.errcode === "number" ? body.errcode : 0;
  } catch {
    return 0;
  }
}

export const sandboxGate = createMiddleware<SandboxEnv>(async (c, next) => {
  const db = getDb(c.env.DB);
  c.set("db", db);
  c.set("json", await readJson(c));

  const needsToken = !APPID_IN_BODY.has(c.req.path) && !APPID_IN_QUERY.has(c.req.path);
  const token = needsToken ? await findToken(db, c.req.query("access_token") ?? "") : null;
  const appId = needsToken ? (token?.appId ?? "") : callerAppId(c);
  if (!appId) {
    return needsToken
      ? wxError(c, 40001, "invalid credential, access_token is invalid or not latest")
      : wxError(c, 41002, "appid missing");
  }
  c.set("appId", appId);

  const fault = await takeFault(db, appId, c.req.path);
  if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  if (fault && fault.errcode !== null) {
    c.res = wxError(c, fault.errcode, fault.errmsg || "sandbox fault");
  } else if (token && token.expiresAt <= Date.now()) {
    c.res = wxError(c, 42001, "access_token expired");
  } else {
    await next();
  }

  const record = c.get("record") ?? withoutSecrets(c.get("json") ?? withoutSecrets(c.req.query()));
  await db.insert(sandboxCalls).values({
    appId,
    path: c.req.path,
    body: record ?? null,
    errcode: await errcodeOf(c.res),
    createdAt: Date.now(),
  });
});
