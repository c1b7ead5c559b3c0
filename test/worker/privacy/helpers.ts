import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { AccountRow } from "../../../src/http/types";
import { handleWechatEvent } from "../../../src/scans/handle-event";
import { call } from "../helpers";

// The WeChat stand-in's own tables hold what WeChat would; an erasure in the product cannot reach them.
const NOT_PRODUCT_DATA = /^(sqlite_|_cf_|d1_migrations$|sandbox_)/;

/**
 * The product tables with a row whose any column contains `needle`, read
 * from the database's own catalogue so that a table added later is checked too.
 */
export async function tablesHolding(needle: string): Promise<string[]> {
  const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all<{
    name: string;
  }>();
  const found: string[] = [];
  for (const { name } of tables.results) {
    if (NOT_PRODUCT_DATA.test(name)) continue;
    const columns = await env.DB.prepare("SELECT name FROM pragma_table_info(?)")
      .bind(name)
      .all<{ name: string }>();
    const where = columns.results.map((c) => `instr(CAST("${c.name}" AS TEXT), ?1) > 0`);
    const row = await env.DB.prepare(
      `SELECT count(*) AS n FROM "${name}" WHERE ${where.join(" OR ")}`,
    )
      .bind(needle)
      .first<{ n: number }>();
    if ((row?.n ?? 0) > 0) found.push(name);
  }
  return found;
}

export function randomOpenid(): string {
  return `oPriv${crypto.randomUUID().replaceAll("-", "").slice(0, 23)}`;
}

/** Delivers one scan event as the webhook would, and waits for its background work. */
export async function scanAs(
  account: AccountRow,
  scene: string,
  openid: string,
  at: number,
  kind: "subscribe" | "scan" = "scan",
) {
  const ctx = createExecutionContext();
  const createTime = Math.floor(at / 1000);
  await handleWechatEvent(env, ctx, account, { kind, openid, createTime, scene, ticket: null });
  await waitOnExecutionContext(ctx);
}

export function erase(path: string, headers: Record<string, string>) {
  return call(path, { method: "POST", headers });
}
