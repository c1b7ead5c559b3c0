// The demo's form story: today's scans of the event codes bring the sign-up
// form (the product's own customer-service message, read back from the
// sandbox), and some of those fans fill it in on the hosted page, so the
// console opens with contacts and a merge by mobile.
import type { ApiSession } from "./api-session.ts";

type SandboxMessage = { body: { touser?: string; news?: { articles?: { url?: string }[] } } };

/** Who fills the form: a name, a mobile, and the session they pick. */
const SIGNUPS: { name: string; mobile: string; session: string }[] = [
  { name: "陈静", mobile: "13800138001", session: "周六上午" },
  { name: "林浩", mobile: "13800138002", session: "周六下午" },
  { name: "赵敏", mobile: "13800138003", session: "周六上午" },
  { name: "周杰", mobile: "13800138004", session: "周六下午" },
  { name: "吴婷", mobile: "13800138005", session: "周六上午" },
  // The same person on a second WeChat id: merged into 陈静's contact by mobile.
  { name: "陈静", mobile: "138 0013 8001", session: "周六下午" },
];

/** Today's scans: new fans on the event codes, within the 1-minute window of their replies. */
export async function deliverLiveEventScans(
  api: ApiSession,
  accountId: string,
  eventScenes: string[],
): Promise<string[]> {
  const openids = SIGNUPS.map((_, i) => `oDemoLive${String(i).padStart(4, "0")}XyZaBcDeFg`);
  const scans = openids.map((openid, i) => ({
    openid,
    scene: eventScenes[i % eventScenes.length],
    kind: "scan",
  }));
  await api.call("POST", `/api/accounts/${accountId}/sandbox/scans`, { scans });
  return openids;
}

/** The form links the product sent, by openid; the messages go out after the answer. */
async function waitForFormLinks(api: ApiSession, accountId: string, openids: string[]) {
  const links = new Map<string, string>();
  for (let round = 0; round < 40 && links.size < openids.length; round++) {
    const { messages } = await api.call<{ messages: SandboxMessage[] }>(
      "GET",
      `/api/accounts/${accountId}/sandbox/messages?limit=200`,
    );
    for (const m of messages) {
      const url = m.body.news?.articles?.[0]?.url;
      if (m.body.touser && url && url.includes("/f/")) links.set(m.body.touser, url);
    }
    if (links.size < openids.length) await new Promise((r) => setTimeout(r, 250));
  }
  return links;
}

/** Opens the link as the fan's phone would, then posts the filled form with its token. */
async function submitSignup(origin: string, link: string, signup: (typeof SIGNUPS)[number]) {
  const url = new URL(link);
  const page = `${origin}${url.pathname}${url.search}`;
  const html = await (await fetch(page)).text();
  const token = /name="_t" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error("the form page carried no fan token");
  const body = new URLSearchParams({ ...signup, consent: "on", _t: token });
  const res = await fetch(`${origin}${url.pathname}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body,
    redirect: "manual",
  });
  if (res.status !== 303) throw new Error(`form submission answered ${res.status}`);
}

export async function submitDemoSignups(
  api: ApiSession,
  origin: string,
  accountId: string,
  openids: string[],
) {
  const links = await waitForFormLinks(api, accountId, openids);
  let submitted = 0;
  for (const [i, openid] of openids.entries()) {
    const link = links.get(openid);
    const signup = SIGNUPS[i];
    if (!link || !signup) continue;
    await submitSignup(origin, link, signup);
    submitted++;
  }
  console.log(`  form sign-ups submitted: ${submitted}/${openids.length}`);
}
