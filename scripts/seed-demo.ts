// Seeds the demo data once, through the product's own API, so the local run
// shows a working console: a sandbox account with groups, fan and member
// tags, a sign-up form, codes with replies, a month of follows, scans and
// unfollows delivered by the WeChat sandbox as signed, encrypted XML, and
// today's sign-ups through the event codes' form.
import { ApiSession } from "./api-session.ts";
import { DEMO_CODES, type DemoCode, planDemoScans } from "./demo-plan.ts";
import { deliverLiveEventScans, submitDemoSignups } from "./demo-signups.ts";

type Created = { id: string };

/** The codes, first as they ran during the month: a welcome text and nothing else. */
async function createCodes(api: ApiSession, accountId: string) {
  const codes = new Map<string, { id: string; scene: string }>();
  for (const code of DEMO_CODES) {
    const body = {
      name: code.name,
      kind: code.kind,
      ...(code.kind === "temporary" ? { validityDays: 30, autoRenew: true } : {}),
      newGroupName: code.group,
      reply: [welcomeFor(code)],
    };
    const created = await api.call<{ qrcode: { id: string; scene: string } }>(
      "POST",
      `/api/accounts/${accountId}/qrcodes`,
      body,
    );
    codes.set(code.name, created.qrcode);
  }
  return codes;
}

function welcomeFor(code: DemoCode) {
  return {
    type: "text",
    content: `感谢关注！您通过「${code.name}」扫码而来。回复 1 查看门店地址。`,
  };
}

/**
 * Today the event codes start sending the sign-up form and tagging their
 * scanners. Done after the month of history because WeChat allows
 * customer-service messages only within a minute of a scan: the back-dated
 * history could never have received them.
 */
async function addSignupForm(
  api: ApiSession,
  accountId: string,
  codes: Map<string, { id: string; scene: string }>,
  formId: string,
  memberTagId: string,
) {
  const scenes: string[] = [];
  for (const code of DEMO_CODES.filter((c) => c.form)) {
    const made = codes.get(code.name);
    if (!made) continue;
    await api.call("PATCH", `/api/accounts/${accountId}/qrcodes/${made.id}`, {
      formId,
      memberTagIds: [memberTagId],
      reply: [
        welcomeFor(code),
        {
          type: "form",
          title: "活动报名",
          description: "填写手机号完成报名，现场领取礼品",
          style: "news",
        },
      ],
    });
    scenes.push(made.scene);
  }
  return scenes;
}

async function deliverScans(
  api: ApiSession,
  accountId: string,
  codes: Map<string, { id: string; scene: string }>,
) {
  const scenes = new Map([...codes].map(([name, code]) => [name, code.scene]));
  const plan = planDemoScans(scenes, Date.now());
  for (let i = 0; i < plan.length; i += 200) {
    await api.call("POST", `/api/accounts/${accountId}/sandbox/scans`, {
      scans: plan.slice(i, i + 200),
    });
    process.stdout.write(`  scans delivered: ${Math.min(i + 200, plan.length)}/${plan.length}\r`);
  }
  process.stdout.write("\n");
}

export async function seedDemo(origin: string, email: string, password: string) {
  const api = new ApiSession(origin);
  await api.call("POST", "/api/auth/login", { email, password });
  const { accounts } = await api.call<{ accounts: unknown[] }>("GET", "/api/accounts");
  if (accounts.length > 0) {
    console.log("▸ demo data already present");
    return;
  }
  console.log("▸ seeding demo data (a sandbox account, codes and a month of scans)");
  const { account } = await api.call<{ account: Created }>("POST", "/api/accounts", {
    name: "晨光咖啡 服务号（演示）",
    isSandbox: true,
    messageMode: "safe",
    timeZone: "Asia/Shanghai",
  });
  const { tag: memberTag } = await api.call<{ tag: Created }>("POST", "/api/member-tags", {
    name: "秋季活动报名",
  });
  const { form } = await api.call<{ form: Created }>("POST", `/api/accounts/${account.id}/forms`, {
    name: "秋季新品品鉴会报名",
    title: "秋季新品品鉴会",
    description: "留下手机号，我们会在活动前一天短信提醒您。",
    keyField: "mobile",
    memberTagIds: [memberTag.id],
    thankYouMessage: "报名成功，期待与您见面！",
    fields: [
      { type: "name", id: "name", label: "姓名", required: true },
      { type: "mobile", id: "mobile", label: "手机号", required: true },
      {
        type: "single_choice",
        id: "session",
        label: "场次",
        options: ["周六上午", "周六下午"],
        required: true,
      },
      {
        type: "consent",
        id: "consent",
        label: "同意隐私政策",
        privacyText: "您的信息仅用于本次活动通知。",
      },
    ],
  });
  const codes = await createCodes(api, account.id);
  await deliverScans(api, account.id, codes);
  const eventScenes = await addSignupForm(api, account.id, codes, form.id, memberTag.id);
  const openids = await deliverLiveEventScans(api, account.id, eventScenes);
  await submitDemoSignups(api, origin, account.id, openids);
}
