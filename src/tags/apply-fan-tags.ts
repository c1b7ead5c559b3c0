import { getDb } from "../db/client";
import { errorFields, log } from "../lib/log";
import { getWechatClient, type WechatClient, type WechatError } from "../wechat/client";
import {
  duePendingTags,
  nextDueAt,
  type PendingFanTag,
  postponePendingTags,
  removePendingTags,
} from "./fan-tag-queue";
import { type FanTagFailure, loadKnownFanTags, saveTaggingOutcome } from "./fan-tag-store";
import { syncFanTags } from "./sync-fan-tags";

/** WeChat allows 20 tags per fan and 50 openids per batchtagging call (wechat.md "Fan tags"). */
export const MAX_TAGS_PER_FAN = 20;
const OPENIDS_PER_CALL = 50;
/**
 * A busy WeChat (-1, 45011, network, timeouts) is tried this many times,
 * then reported. Tags have no deadline, so the backoff (5 s, 20 s, 80 s...,
 * at most 30 minutes apart) outlasts an outage of several hours.
 */
export const MAX_TAG_ATTEMPTS = 12;
const MAX_BACKOFF_MS = 30 * 60_000;
/** 45011 is the per-minute quota (wechat.md "Errors worth a rule"): try after the minute. */
const QUOTA_WAIT_MS = 60_000;
/** batchtagging answers within a second; a stuck call must not hold the account's tagging. */
export const TAG_CALL_TIMEOUT_MS = 5_000;
/** When D1 fails mid-alarm, the due tags are tried again this much later. */
const AFTER_FAILURE_MS = 30_000;
const PER_ALARM = 500;

type Outcome =
  | { kind: "done" }
  | { kind: "failed"; errcode: number | null; reason: string }
  | { kind: "retry"; errcode: number; reason: string };

type Run = {
  client: WechatClient;
  env: Env;
  accountId: string;
  known: Map<string, Set<number>>;
  /** Tags whose list was re-read in this run after a 45159: at most once each. */
  reread: Set<number>;
};

const AT_LIMIT = `This fan already carries ${MAX_TAGS_PER_FAN} tags, WeChat's maximum.`;

/**
 * The alarm: applies what is due, then sets the alarm for what is left.
 * When D1 fails (reading the fans' known tags or saving the outcome), the
 * tags stay pending and the alarm is set again, so nothing waits for a
 * scan that may never come. WeChat's batchtagging only adds a tag, so a
 * call repeated after a lost save changes nothing there.
 */
export async function runFanTagAlarm(storage: DurableObjectStorage, env: Env, now = Date.now()) {
  const due = duePendingTags(storage, now, PER_ALARM);
  const [first] = due;
  try {
    if (first) await applyPendingTags(storage, env, first.accountId, due, now);
  } catch (err) {
    log.error("fan tags not applied", { accountId: first?.accountId, ...errorFields(err) });
    await storage.setAlarm(Date.now() + AFTER_FAILURE_MS);
    return;
  }
  const next = nextDueAt(storage);
  if (next !== null) await storage.setAlarm(Math.max(next, Date.now() + 50));
}

/** When a tag that met a busy WeChat `attempts` times before is tried again. */
export function nextTagTry(attempts: number, errcode: number, now: number): number {
  const backoff = Math.min(MAX_BACKOFF_MS, 5000 * 4 ** attempts);
  return now + (errcode === 45011 ? Math.max(backoff, QUOTA_WAIT_MS) : backoff);
}

async function applyPendingTags(
  storage: DurableObjectStorage,
  env: Env,
  accountId: string,
  items: PendingFanTag[],
  now: number,
) {
  const db = getDb(env.DB);
  const account = await db.query.accounts.findFirst({
    where: (a, { and, eq, isNull }) => and(eq(a.id, accountId), isNull(a.deletedAt)),
  });
  if (!account) {
    removePendingTags(storage, items);
    return;
  }
  const run: Run = {
    client: getWechatClient(env, account, { timeoutMs: TAG_CALL_TIMEOUT_MS }),
    env,
    accountId,
    known: await loadKnownFanTags(db, [...new Set(items.map((i) => i.fanId))]),
    reread: new Set(),
  };

  const outcomes = new Map<PendingFanTag, Outcome>();
  for (const group of groupByTag(items)) {
    for (const [item, outcome] of await applyTag(run, group)) outcomes.set(item, outcome);
  }

  const finished: PendingFanTag[] = [];
  const failures: FanTagFailure[] = [];
  const retry: [PendingFanTag, number][] = [];
  for (const [item, outcome] of outcomes) {
    if (outcome.kind === "retry" && item.attempts + 1 < MAX_TAG_ATTEMPTS) {
      retry.push([item, nextTagTry(item.attempts, outcome.errcode, now)]);
      continue;
    }
    finished.push(item);
    if (outcome.kind !== "done")
      failures.push({ item, errcode: outcome.errcode, reason: outcome.reason });
  }
  // Saved before the pending rows go: a failed save leaves them to the next alarm.
  await saveTaggingOutcome(db, accountId, run.known, failures, now);
  removePendingTags(storage, finished);
  for (const [item, at] of retry) postponePendingTags(storage, [item], at);
  if (failures.length) log.warn("fan tags failed", { accountId, count: failures.length });
}

function groupByTag(items: PendingFanTag[]): PendingFanTag[][] {
  const groups = new Map<number, PendingFanTag[]>();
  for (const i of items) groups.set(i.tagId, [...(groups.get(i.tagId) ?? []), i]);
  return [...groups.values()];
}

async function applyTag(run: Run, items: PendingFanTag[]): Promise<Map<PendingFanTag, Outcome>> {
  const out = new Map<PendingFanTag, Outcome>();
  const send: PendingFanTag[] = [];
  const reread: PendingFanTag[] = [];
  for (const item of items) {
    const tags = run.known.get(item.fanId) ?? new Set<number>();
    if (tags.has(item.tagId)) out.set(item, { kind: "done" });
    // A retried fan may have lost tags outside the product: WeChat's list decides.
    else if (tags.size >= MAX_TAGS_PER_FAN && item.recheck) reread.push(item);
    else if (tags.size >= MAX_TAGS_PER_FAN)
      out.set(item, { kind: "failed", errcode: null, reason: AT_LIMIT });
    else send.push(item);
  }
  for (const [item, outcome] of await tagOneByOne(run, reread)) out.set(item, outcome);
  for (let i = 0; i < send.length; i += OPENIDS_PER_CALL) {
    const chunk = send.slice(i, i + OPENIDS_PER_CALL);
    for (const [item, outcome] of await tagChunk(run, chunk)) out.set(item, outcome);
  }
  return out;
}

function markTagged(run: Run, items: PendingFanTag[]) {
  for (const item of items) {
    const tags = run.known.get(item.fanId) ?? new Set<number>();
    tags.add(item.tagId);
    run.known.set(item.fanId, tags);
  }
}

const all = (items: PendingFanTag[], outcome: Outcome) => new Map(items.map((i) => [i, outcome]));

function fromError(error: WechatError): Outcome {
  if (error.retryable === "backoff")
    return { kind: "retry", errcode: error.errcode, reason: error.explanation };
  return { kind: "failed", errcode: error.errcode, reason: error.explanation };
}

async function tagChunk(run: Run, items: PendingFanTag[]): Promise<Map<PendingFanTag, Outcome>> {
  const [first] = items;
  if (!first) return new Map();
  const tagId = first.tagId;
  const answer = await run.client.tagFans(
    tagId,
    items.map((i) => i.openid),
  );
  if (answer.ok) {
    markTagged(run, items);
    return all(items, { kind: "done" });
  }
  if (answer.error.errcode === 45159) return retryAfterRereadingTags(run, items, answer.error);
  if (answer.error.errcode === 45059) return tagOneByOne(run, items);
  return all(items, fromError(answer.error));
}

/** 45159 under concurrent tagging: re-read the tag list, and retry once if the tag still exists. */
async function retryAfterRereadingTags(
  run: Run,
  items: PendingFanTag[],
  error: WechatError,
): Promise<Map<PendingFanTag, Outcome>> {
  const tagId = items[0]?.tagId ?? 0;
  if (run.reread.has(tagId)) return all(items, fromError(error));
  run.reread.add(tagId);
  const account = await getDb(run.env.DB).query.accounts.findFirst({
    where: (a, { eq }) => eq(a.id, run.accountId),
  });
  const synced = account ? await syncFanTags(run.env, account) : null;
  if (synced?.ok && !synced.tags.some((t) => t.id === tagId)) {
    const reason = "The tag no longer exists on WeChat. Choose another tag for this code.";
    return all(items, { kind: "failed", errcode: 45159, reason });
  }
  const again = await run.client.tagFans(
    tagId,
    items.map((i) => i.openid),
  );
  if (again.ok) {
    markTagged(run, items);
    return all(items, { kind: "done" });
  }
  return all(items, fromError(again.error));
}

/**
 * 45059 in a batch: some fan is at 20 tags (perhaps tagged outside the
 * product). Each fan's tags are read from WeChat; fans at the limit are
 * reported, the others tagged alone. Nothing here is retried later.
 */
async function tagOneByOne(run: Run, items: PendingFanTag[]): Promise<Map<PendingFanTag, Outcome>> {
  const out = new Map<PendingFanTag, Outcome>();
  for (const item of items) {
    const current = await run.client.getFanTagIds(item.openid);
    if (!current.ok) {
      out.set(item, fromError(current.error));
      continue;
    }
    const tags = new Set(current.value);
    run.known.set(item.fanId, tags);
    if (tags.has(item.tagId)) out.set(item, { kind: "done" });
    else if (tags.size >= MAX_TAGS_PER_FAN)
      out.set(item, { kind: "failed", errcode: 45059, reason: AT_LIMIT });
    else {
      const single = await run.client.tagFans(item.tagId, [item.openid]);
      if (single.ok) markTagged(run, [item]);
      out.set(item, single.ok ? { kind: "done" } : fromError(single.error));
    }
  }
  return out;
}
