import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../src/db/client";
import {
  auditLog,
  contactEvents,
  contacts,
  fans,
  fanTagFailures,
  pendingMemberTags,
  replyDeliveries,
  webhookEvents,
} from "../../../src/db/schema";
import { fanRow } from "../../../src/exports/columns";
import type { AccountRow } from "../../../src/http/types";
import { getCodeNumbers } from "../../../src/stats/code-numbers";
import type { CodeFan } from "../../../src/stats/list-code-fans";
import { getStatsSummary } from "../../../src/stats/stats-summary";
import { createUserWithToken } from "../factories/users";
import { call, ownerTokenHeaders } from "../helpers";
import { insertAccount, insertCode } from "../scans/fixtures";
import { erase, randomOpenid, scanAs, tablesHolding } from "./helpers";

const db = () => getDb(env.DB);
const DAY = 86_400_000;

async function fanByOpenid(accountId: string, openid: string) {
  return db().query.fans.findFirst({
    where: (f, { and, eq }) => and(eq(f.accountId, accountId), eq(f.openid, openid)),
  });
}

/**
 * A fan with everything personal the product keeps: scans of a code (a
 * follow, then a repeat), a unionid, a remark, WeChat tags, a contact,
 * webhook de-duplication keys, a pending member tag and a pending reply.
 * A second fan scans the same code and must come through untouched.
 */
async function fanWithHistory() {
  const account = await insertAccount();
  const code = await insertCode(account.id);
  const openid = randomOpenid();
  const other = randomOpenid();
  const start = Date.now() - 3 * DAY;
  await scanAs(account, code.scene, openid, start, "subscribe");
  await scanAs(account, code.scene, openid, start + DAY);
  await scanAs(account, code.scene, other, start + DAY);

  const fan = await fanByOpenid(account.id, openid);
  if (!fan) throw new Error("fan not recorded");
  const now = Date.now();
  const contactId = `ct_${crypto.randomUUID().slice(0, 12)}`;
  await db()
    .insert(contacts)
    .values({ id: contactId, name: "李雷", createdAt: now, updatedAt: now });
  await db()
    .update(fans)
    .set({ unionid: `u${openid}`, remark: "VIP 李雷", wechatTagIds: [101, 102], contactId })
    .where(eq(fans.id, fan.id));
  await db()
    .insert(webhookEvents)
    .values([
      {
        dedupeKey: `${account.id}:evt:${openid}|1|subscribe|qrscene_x`,
        accountId: account.id,
        createdAt: now,
      },
      { dedupeKey: `${account.id}:evt:${other}|1|SCAN|x`, accountId: account.id, createdAt: now },
    ]);
  await db()
    .insert(pendingMemberTags)
    .values({ fanId: fan.id, memberTagId: "mt_x", qrcodeId: code.id, createdAt: now });
  await db()
    .insert(replyDeliveries)
    .values({
      id: `dlv_${crypto.randomUUID().slice(0, 12)}`,
      accountId: account.id,
      qrcodeId: code.id,
      fanId: fan.id,
      position: 0,
      messageType: "text",
      channel: "custom",
      status: "pending",
      createdAt: now,
    });
  return { account, code, openid, other, fan, contactId };
}

async function numbersOf(account: AccountRow, codeId: string) {
  return {
    code: (await getCodeNumbers(db(), account.id, [codeId])).get(codeId),
    summary: await getStatsSummary(db(), account.id, {}, account.timeZone),
  };
}

async function codeFans(accountId: string, codeId: string, headers: Record<string, string>) {
  const res = await call(`/api/accounts/${accountId}/qrcodes/${codeId}/fans`, { headers });
  expect(res.status).toBe(200);
  return ((await res.json()) as { fans: CodeFan[] }).fans;
}

describe("POST /api/accounts/{accountId}/fans/{fanId}/erase", () => {
  it("removes the fan's personal data from every product table and keeps every number", async () => {
    const owner = await ownerTokenHeaders();
    const { account, code, openid, other, fan, contactId } = await fanWithHistory();
    const before = await numbersOf(account, code.id);
    expect(before.code).toMatchObject({ scans: 3, scanners: 2, newFollowers: 1 });
    expect(await tablesHolding(openid)).toEqual(expect.arrayContaining(["fans", "scans"]));

    const res = await erase(`/api/accounts/${account.id}/fans/${fan.id}/erase`, owner);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { fan: { id: string; erasedAt: number } };
    expect(body).toEqual({ fan: { id: fan.id, erasedAt: expect.any(Number) } });

    expect(await tablesHolding(openid)).toEqual([]);
    expect(await tablesHolding(`u${openid}`)).toEqual([]);
    expect(await tablesHolding("VIP 李雷")).toEqual([]);
    expect(await tablesHolding(other)).toEqual(
      expect.arrayContaining(["fans", "scans", "webhook_events"]),
    );
    const erased = await db().query.fans.findFirst({ where: eq(fans.id, fan.id) });
    expect(erased).toMatchObject({
      openid: `erased:${fan.id}`,
      unionid: null,
      remark: "",
      contactId: null,
      wechatTagIds: [],
      erasedAt: body.fan.erasedAt,
      following: true,
    });
    expect(await numbersOf(account, code.id)).toEqual(before);

    const pending = await db()
      .select()
      .from(pendingMemberTags)
      .where(eq(pendingMemberTags.fanId, fan.id));
    expect(pending).toEqual([]);
    const deliveries = await db()
      .select()
      .from(replyDeliveries)
      .where(eq(replyDeliveries.fanId, fan.id));
    expect(deliveries.map((d) => d.status)).toEqual(["skipped"]);
    const history = await db()
      .select()
      .from(contactEvents)
      .where(eq(contactEvents.contactId, contactId));
    expect(history).toMatchObject([{ kind: "fan_unlinked", details: { fanId: fan.id } }]);
    const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, fan.id));
    expect(audit).toMatchObject([
      { action: "fan.erase", entityType: "fan", accountId: account.id, after: { contactId: null } },
    ]);
  });

  it("lists and exports an erased fan as erased, never its placeholder as an openid", async () => {
    const owner = await ownerTokenHeaders();
    const { account, code, other, fan } = await fanWithHistory();
    await erase(`/api/accounts/${account.id}/fans/${fan.id}/erase`, owner);

    const listed = await codeFans(account.id, code.id, owner);
    const gone = listed.find((f) => f.fanId === fan.id);
    expect(gone).toMatchObject({ erased: true, openid: "", remark: "", contact: null, tags: [] });
    expect(gone?.scanCount).toBe(2);
    expect(listed.find((f) => f.openid === other)).toMatchObject({ erased: false });
    if (!gone) throw new Error("erased fan not listed");
    expect(fanRow(gone, "en")[0]).toBe("(erased)");
    expect(fanRow(gone, "zh-CN")[0]).toBe("（已删除）");
    expect(JSON.stringify(listed)).not.toContain("erased:");
  });

  it("shows an erased fan as erased in the code's deliveries and tag failures", async () => {
    const owner = await ownerTokenHeaders();
    const { account, code, fan } = await fanWithHistory();
    const now = Date.now();
    await db()
      .insert(replyDeliveries)
      .values({
        id: `dlv_${crypto.randomUUID().slice(0, 12)}`,
        accountId: account.id,
        qrcodeId: code.id,
        fanId: fan.id,
        position: 1,
        messageType: "text",
        channel: "custom",
        status: "sent",
        createdAt: now,
        sentAt: now,
      });
    await db()
      .insert(fanTagFailures)
      .values({
        id: `ftf_${crypto.randomUUID().slice(0, 12)}`,
        accountId: account.id,
        fanId: fan.id,
        qrcodeId: code.id,
        wechatTagId: 101,
        reason: "The fan already has 20 tags",
        createdAt: now,
      });
    await erase(`/api/accounts/${account.id}/fans/${fan.id}/erase`, owner);

    const base = `/api/accounts/${account.id}/qrcodes/${code.id}`;
    const deliveries = (await (await call(`${base}/deliveries`, { headers: owner })).json()) as {
      deliveries: { fanId: string; openid: string; erased: boolean; status: string }[];
    };
    // The pending one was skipped by the erasure; the sent one stays in the log.
    const ofFan = deliveries.deliveries.filter((d) => d.fanId === fan.id);
    expect(ofFan.map((d) => d.status).sort()).toEqual(["sent", "skipped"]);
    for (const d of ofFan) expect(d).toMatchObject({ openid: "", erased: true });
    const failures = (await (await call(`${base}/tag-failures`, { headers: owner })).json()) as {
      failures: { fanId: string; openid: string; erased: boolean }[];
    };
    expect(failures.failures).toEqual([
      expect.objectContaining({ fanId: fan.id, openid: "", erased: true }),
    ]);
    expect(JSON.stringify([deliveries, failures])).not.toContain("erased:");
  });

  it("takes the same person scanning again as a new fan, and the old one stays erased", async () => {
    const owner = await ownerTokenHeaders();
    const { account, code, openid, fan } = await fanWithHistory();
    await erase(`/api/accounts/${account.id}/fans/${fan.id}/erase`, owner);

    await scanAs(account, code.scene, openid, Date.now());
    const again = await fanByOpenid(account.id, openid);
    expect(again?.id).toBeDefined();
    expect(again?.id).not.toBe(fan.id);
    expect(again?.erasedAt).toBeNull();
    const numbers = (await getCodeNumbers(db(), account.id, [code.id])).get(code.id);
    expect(numbers).toMatchObject({ scans: 4, scanners: 3 });
  });

  it("answers 409 when the fan was already erased", async () => {
    const owner = await ownerTokenHeaders();
    const { account, fan } = await fanWithHistory();
    const path = `/api/accounts/${account.id}/fans/${fan.id}/erase`;
    expect((await erase(path, owner)).status).toBe(200);
    const again = await erase(path, owner);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      error: { code: "conflict", message: "This fan was already erased" },
    });
  });

  it("answers 404 for an unknown fan and for a fan of another account", async () => {
    const owner = await ownerTokenHeaders();
    const { fan } = await fanWithHistory();
    const elsewhere = await insertAccount();
    expect((await erase(`/api/accounts/${elsewhere.id}/fans/${fan.id}/erase`, owner)).status).toBe(
      404,
    );
    expect((await erase(`/api/accounts/${elsewhere.id}/fans/fan_nope/erase`, owner)).status).toBe(
      404,
    );
    expect((await db().query.fans.findFirst({ where: eq(fans.id, fan.id) }))?.erasedAt).toBeNull();
  });

  it("refuses an operator with 403 and an admin of another account with 404", async () => {
    const { account, fan } = await fanWithHistory();
    const path = `/api/accounts/${account.id}/fans/${fan.id}/erase`;
    const operator = await createUserWithToken("operator", { accountIds: [account.id] });
    const stranger = await createUserWithToken("admin", {
      accountIds: [(await insertAccount()).id],
    });
    const admin = await createUserWithToken("admin", { accountIds: [account.id] });

    expect((await erase(path, operator.headers)).status).toBe(403);
    expect((await erase(path, stranger.headers)).status).toBe(404);
    expect((await db().query.fans.findFirst({ where: eq(fans.id, fan.id) }))?.erasedAt).toBeNull();
    expect((await erase(path, admin.headers)).status).toBe(200);
  });
});
