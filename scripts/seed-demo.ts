// Seeds the demo data once, through the product's own API, so the local run
// shows a working console: a sandbox account with groups, fan and member
// tags, a sign-up form, codes with replies, and a month of follows, scans and
// unfollows delivered by the WeChat sandbox as signed, encrypted XML.
import { ApiSession } from "./api-session.ts";
import { DEMO_CODES, type DemoCode, planDemoScans } from "./demo-plan.ts";

type Created = { id: string };

async function createCodes(
  api: ApiSession,
  accountId: string,
  formId: string,
  memberTagId: string,
) {
  const scenes = new Map<string, string>();
  for (const code of DEMO_CODES) {
    const reply = replyFor(code);
    const body = {
      name: code.name,
      kind: code.kind,
      ...(code.kind === "temporary" ? { validityDays: 30, autoRenew: true } : {}),
      newGroupName: code.group,
      memberTagIds: code.form ? [memberTagId] : [],
      reply,
      ...(code.form ? { formId } : {}),
    };
    const created = await api.call<{ qrcode: { id: string; scene: string } }>(
      "POST",
      `/api/accounts/${accountId}/qrcodes`,
      body,
    );
    scenes.set(code.name, created.qrcode.scene);
  }
  return scenes;
}

function replyFor(code: DemoCode) {
  const welcome = {
    type: "text",
    content: `感谢关注！您通过「${code.name}」扫码而来。回复 1 查看门店地址。`,
  };
  if (!code.form) return [welcome];
  return [
    welcome,
    {
      type: "form",
      title: "活动报名",
      description: "填写手机号完成报名，现场领取礼品",
      style: "news",
    },
  ];
}

async function deliverScans(api: ApiSession, accountId: string, scenes: Map<string, string>) {
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
  const scenes = await createCodes(api, account.id, form.id, memberTag.id);
  await deliverScans(api, account.id, scenes);
}
