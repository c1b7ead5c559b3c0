import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, jsonInit } from "../helpers";
import {
  createCode,
  SAMPLE_FILES,
  sandboxMessages,
  sandboxSetup,
  settled,
  simulate,
  uploadMedia,
} from "./helpers";

type DeliveryBody = {
  deliveries: {
    position: number;
    messageType: string;
    channel: string;
    status: string;
    errcode: number | null;
    reason: string | null;
  }[];
};

async function deliveries(accountId: string, codeId: string, headers: Record<string, string>) {
  const res = await call(`/api/accounts/${accountId}/qrcodes/${codeId}/deliveries`, { headers });
  expect(res.status).toBe(200);
  return ((await res.json()) as DeliveryBody).deliveries.sort((a, b) => a.position - b.position);
}

describe("a code's reply reaching the fan", () => {
  it("sends the first message passively and the other three by customer-service, in order", async () => {
    const { account, headers } = await sandboxSetup();
    const image = await uploadMedia(account.id, headers, SAMPLE_FILES.png, "海报.png");
    const thumb = await uploadMedia(account.id, headers, SAMPLE_FILES.png, "thumb.png");
    const code = await createCode(account.id, headers, {
      reply: [
        { type: "text", content: '欢迎关注！<a href="https://example.com">活动详情</a>' },
        { type: "image", mediaId: image.id },
        {
          type: "miniprogram",
          appid: "wx0123456789abcdef",
          pagepath: "pages/index",
          title: "小程序",
          thumbMediaId: thumb.id,
        },
        {
          type: "menu",
          head: "请选择",
          options: [
            { id: "1", content: "满意" },
            { id: "2", content: "不满意" },
          ],
          tail: "谢谢",
        },
      ],
    });

    const [delivery] = await simulate(account.id, headers, [{ scene: code.scene }]);
    expect(delivery?.answer).toMatchObject({ kind: "reply", msgType: "text" });
    expect(delivery?.answer.fields?.Content).toContain("欢迎关注！");
    await settled(code.id, 4);

    const sent = (await sandboxMessages(account.id, headers)).filter(
      (m) => m.body.touser === delivery?.openid,
    );
    expect(sent.map((m) => m.body.msgtype)).toEqual(["image", "miniprogrampage", "msgmenu"]);
    expect(sent[1]?.body.miniprogrampage).toMatchObject({
      appid: "wx0123456789abcdef",
      pagepath: "pages/index",
      title: "小程序",
    });
    expect(sent[2]?.body.msgmenu).toEqual({
      head_content: "请选择",
      list: [
        { id: "1", content: "满意" },
        { id: "2", content: "不满意" },
      ],
      tail_content: "谢谢",
    });
    expect(
      (await deliveries(account.id, code.id, headers)).map((d) => [
        d.position,
        d.channel,
        d.status,
      ]),
    ).toEqual([
      [0, "passive", "sent"],
      [1, "custom", "sent"],
      [2, "custom", "sent"],
      [3, "custom", "sent"],
    ]);
  });

  it("sends news, voice, video, a link as text and a signed form link", async () => {
    const { account, headers } = await sandboxSetup();
    const voice = await uploadMedia(account.id, headers, SAMPLE_FILES.mp3, "greeting.mp3");
    const video = await uploadMedia(account.id, headers, SAMPLE_FILES.mp4, "intro.mp4");
    const first = await createCode(account.id, headers, {
      reply: [
        {
          type: "news",
          title: "新品发布",
          description: "点击查看",
          url: "https://example.com/n",
          coverUrl: "https://example.com/c.jpg",
        },
        { type: "voice", mediaId: voice.id },
        { type: "video", mediaId: video.id, title: "介绍" },
        { type: "link", title: "官网", url: "https://example.com/home", style: "text" },
      ],
    });
    const second = await createCode(account.id, headers, {
      reply: [{ type: "form", title: "报名表", description: "请填写", style: "news" }],
    });
    await env.DB.prepare("UPDATE qrcodes SET form_id = 'frm_signup' WHERE id = ?")
      .bind(second.id)
      .run();

    const [news, form] = await simulate(account.id, headers, [
      { scene: first.scene },
      { scene: second.scene },
    ]);
    expect(news?.answer).toMatchObject({ kind: "reply", msgType: "news" });
    expect(news?.answer.fields?.Title ?? JSON.stringify(news?.answer)).toContain("新品发布");
    expect(form?.answer).toMatchObject({ kind: "reply", msgType: "news" });
    expect(JSON.stringify(form?.answer)).toMatch(/\/f\/frm_signup\?t=[\w-]+\.[\w-]+/);
    await settled(first.id, 4);

    const sent = (await sandboxMessages(account.id, headers)).filter(
      (m) => m.body.touser === news?.openid,
    );
    expect(sent.map((m) => m.body.msgtype)).toEqual(["voice", "video", "text"]);
    expect(sent[1]?.body.video).toMatchObject({ title: "介绍" });
    expect(sent[2]?.body.text).toEqual({ content: '<a href="https://example.com/home">官网</a>' });
  });

  it("renews expired media once and sends the message (40007)", async () => {
    const { account, headers } = await sandboxSetup();
    const image = await uploadMedia(account.id, headers, SAMPLE_FILES.png, "a.png");
    const code = await createCode(account.id, headers, {
      reply: [
        { type: "text", content: "hi" },
        { type: "image", mediaId: image.id },
      ],
    });
    // Pretend the cached WeChat id is still valid here but expired on WeChat's side.
    await env.DB.prepare(
      "UPDATE media SET wechat_media_id = 'gone-on-wechat', wechat_media_expires_at = ? WHERE id = ?",
    )
      .bind(Date.now() + 86_400_000, image.id)
      .run();
    await simulate(account.id, headers, [{ scene: code.scene }]);
    await settled(code.id, 2);
    const rows = await deliveries(account.id, code.id, headers);
    expect(rows[1]).toMatchObject({ status: "sent" });
    const renewed = await env.DB.prepare("SELECT wechat_media_id FROM media WHERE id = ?")
      .bind(image.id)
      .first();
    expect(renewed?.wechat_media_id).not.toBe("gone-on-wechat");
  });

  it("logs a refused message with WeChat's errcode and a plain reason, and still sends the next", async () => {
    const { account, headers } = await sandboxSetup();
    const code = await createCode(account.id, headers, {
      reply: [
        { type: "text", content: "one" },
        { type: "text", content: "two" },
        { type: "text", content: "three" },
      ],
    });
    const fault = await call(
      `/api/accounts/${account.id}/sandbox/faults`,
      jsonInit("POST", { path: "/cgi-bin/message/custom/send", errcode: 45047, times: 1 }, headers),
    );
    expect(fault.status).toBe(201);
    await simulate(account.id, headers, [{ scene: code.scene }]);
    await settled(code.id, 3);
    const rows = await deliveries(account.id, code.id, headers);
    expect(rows.map((d) => d.status)).toEqual(["sent", "failed", "sent"]);
    expect(rows[1]).toMatchObject({ errcode: 45047 });
    expect(rows[1]?.reason).toMatch(/at most 3 messages within 1 minute/);
  });

  it("does not send customer-service messages once the minute after the scan is over", async () => {
    const { account, headers } = await sandboxSetup();
    const code = await createCode(account.id, headers, {
      reply: [
        { type: "text", content: "passive" },
        { type: "text", content: "late" },
      ],
    });
    // A delivery that reached us two minutes after the scan (WeChat retried it).
    const createTime = Math.floor(Date.now() / 1000) - 120;
    const [delivery] = await simulate(account.id, headers, [{ scene: code.scene, createTime }]);
    expect(delivery?.answer).toMatchObject({ kind: "reply" });
    await settled(code.id, 2);
    const rows = await deliveries(account.id, code.id, headers);
    expect(rows[1]).toMatchObject({ status: "failed", errcode: null });
    expect(rows[1]?.reason).toMatch(/window/);
    expect(await sandboxMessages(account.id, headers)).toEqual([]);
  });

  it("retries a message when WeChat is busy (-1) and keeps the order", async () => {
    const { account, headers } = await sandboxSetup();
    const code = await createCode(account.id, headers, {
      reply: [
        { type: "text", content: "passive" },
        { type: "text", content: "first" },
        { type: "text", content: "second" },
      ],
    });
    await call(
      `/api/accounts/${account.id}/sandbox/faults`,
      jsonInit("POST", { path: "/cgi-bin/message/custom/send", errcode: -1, times: 1 }, headers),
    );
    const [delivery] = await simulate(account.id, headers, [{ scene: code.scene }]);
    await settled(code.id, 3);
    const sent = (await sandboxMessages(account.id, headers)).filter(
      (m) => m.body.touser === delivery?.openid,
    );
    expect(sent.map((m) => m.body.text)).toEqual([{ content: "first" }, { content: "second" }]);
  });
});

describe("reply editor limits (replySchema through the code API)", () => {
  it.each([
    ["a fifth message", Array.from({ length: 5 }, (_, i) => ({ type: "text", content: `m${i}` }))],
    [
      "four messages when the first cannot be passive",
      [
        { type: "menu", options: [{ id: "1", content: "a" }] },
        { type: "text", content: "b" },
        { type: "text", content: "c" },
        { type: "text", content: "d" },
      ],
    ],
  ])("refuses %s and says why", async (_, reply) => {
    const { account, headers } = await sandboxSetup();
    const res = await call(
      `/api/accounts/${account.id}/qrcodes`,
      jsonInit("POST", { kind: "permanent", name: "too many", reply }, headers),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(
      /only 3 customer-service messages within a minute of a scan/,
    );
  });
});
