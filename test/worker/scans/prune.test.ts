import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../src/db/client";
import { handleWechatEvent } from "../../../src/scans/handle-event";
import { pruneOldScans } from "../../../src/scans/prune-scans";
import { getCodeNumbers } from "../../../src/stats/code-numbers";
import { insertAccount, insertCode } from "./fixtures";

describe("pruneOldScans", () => {
  it("removes raw scans past the account's retention and keeps the numbers", async () => {
    const now = Date.UTC(2026, 5, 1);
    const keeping = await insertAccount();
    const pruning = await insertAccount({ scanRetentionDays: 30 });
    for (const account of [keeping, pruning]) {
      const code = await insertCode(account.id);
      for (const [i, daysAgo] of [40, 35, 10].entries()) {
        const ctx = createExecutionContext();
        const createTime = Math.floor((now - daysAgo * 86_400_000) / 1000);
        await handleWechatEvent(env, ctx, account, {
          kind: "scan",
          openid: `o_p_${i}`,
          createTime,
          scene: code.scene,
          ticket: null,
        });
        await waitOnExecutionContext(ctx);
      }
      const before = await getCodeNumbers(getDb(env.DB), account.id, [code.id]);
      await pruneOldScans(env, now);
      const left = await env.DB.prepare("SELECT count(*) AS n FROM scans WHERE account_id = ?")
        .bind(account.id)
        .first<{ n: number }>();
      expect(left?.n).toBe(account.id === pruning.id ? 1 : 3);
      expect(await getCodeNumbers(getDb(env.DB), account.id, [code.id])).toEqual(before);
    }
  });
});
