import {
  createExecutionContext,
  createMessageBatch,
  getQueueResult,
  type QueueResult,
  runDurableObjectAlarm,
  runInDurableObject,
  waitOnExecutionContext,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import { and, asc, eq } from "drizzle-orm";
import { createApp } from "../../../src/app";
import { getDb } from "../../../src/db/client";
import { sandboxCalls, sandboxFans } from "../../../src/db/schema";
import { getAccountStub } from "../../../src/durable/account-do";
import type { AccountRow } from "../../../src/http/types";
import worker from "../../../src/index";
import { addFault, type FaultInput } from "../../../src/sandbox/faults";
import { prepareScanSimulator, type ScanInput } from "../../../src/sandbox/simulate-scan";
import { BASE } from "../helpers";

/**
 * Drives the after-answer machinery by hand, so a test decides when each
 * retry happens: queue messages are held instead of delivered, then handed
 * to the Worker's own queue handler with the attempt number the platform
 * would give; the account's Durable Object alarm is run on demand.
 */
export const db = getDb(env.DB);

export type HeldMessage = { body: unknown; delaySeconds: number | undefined };

/**
 * A queue binding that keeps what is sent; `take()` hands it over for
 * delivery. The first `failSends` sends throw, as a queue outage would.
 */
export function heldQueue(failSends = 0) {
  const sent: HeldMessage[] = [];
  let failures = failSends;
  const queue = {
    async send(body: unknown, options?: QueueSendOptions) {
      if (failures-- > 0) throw new Error("Queue send failed: internal error");
      sent.push({ body, delaySeconds: options?.delaySeconds });
    },
    async sendBatch(messages: Iterable<MessageSendRequest>) {
      for (const m of messages) sent.push({ body: m.body, delaySeconds: m.delaySeconds });
    },
  };
  return { queue: queue as unknown as Queue, take: () => sent.splice(0) };
}

/** The test env with some bindings replaced (a held queue, a failing D1). */
export function envWith(overrides: Partial<Env>): Env {
  return { ...env, ...overrides };
}

export type TimedDelivery = Awaited<ReturnType<PushSimulator>> & { ms: number };
type PushSimulator = (input: ScanInput) => ReturnType<SimulatorFn>;
type SimulatorFn = Extract<
  Awaited<ReturnType<typeof prepareScanSimulator>>,
  { ok: true }
>["simulate"];

/**
 * Scans pushed to the account's webhook as WeChat pushes them (signed XML,
 * a 5 s deadline, up to 3 retries when it is missed), through the whole app
 * running with `testEnv`; each delivery says how long the answer took.
 */
export async function pushScans(
  testEnv: Env,
  account: AccountRow,
  scans: (Omit<ScanInput, "kind"> & { kind?: ScanInput["kind"] })[],
): Promise<TimedDelivery[]> {
  const app = createApp();
  const ctx = createExecutionContext();
  const simulator = await prepareScanSimulator(testEnv, account, {
    origin: BASE,
    fetcher: async (request) => app.fetch(request, testEnv, ctx),
  });
  if (!simulator.ok) throw new Error(`cannot simulate: ${simulator.reason}`);
  const out: TimedDelivery[] = [];
  for (const scan of scans) {
    const started = Date.now();
    const delivery = await simulator.simulate({ kind: "scan", ...scan });
    out.push({ ...delivery, ms: Date.now() - started });
  }
  await waitOnExecutionContext(ctx);
  return out;
}

let messageSeq = 0;

export type Delivered = QueueResult & {
  /** The delaySeconds of each retry(), in message order (getQueueResult does not keep them). */
  retryDelays: (number | undefined)[];
};

/** One delivery of queue messages to the Worker's queue handler; what it acked or retried. */
export async function deliver(
  testEnv: Env,
  messages: { body: unknown; attempts: number }[],
  queue = "wechat-qr-jobs",
): Promise<Delivered> {
  const batch = createMessageBatch(
    queue,
    messages.map((m) => ({
      id: `msg-${++messageSeq}`,
      timestamp: new Date(),
      attempts: m.attempts,
      body: m.body,
    })),
  );
  const retryDelays: (number | undefined)[] = [];
  for (const message of batch.messages) {
    const retry = message.retry.bind(message);
    Object.defineProperty(message, "retry", {
      value: (options?: QueueRetryOptions) => {
        retryDelays.push(options?.delaySeconds);
        retry(options);
      },
    });
  }
  const ctx = createExecutionContext();
  await worker.queue(batch, testEnv, ctx);
  return { ...(await getQueueResult(batch, ctx)), retryDelays };
}

type PendingRow = { tag_id: number; attempts: number; not_before: number };

/** The fan tags still waiting in the account's Durable Object. */
export async function pendingFanTags(accountId: string): Promise<PendingRow[]> {
  return runInDurableObject(getAccountStub(env, accountId), (_, state) => {
    const sql = state.storage.sql;
    const exists = sql
      .exec("SELECT count(*) AS n FROM sqlite_master WHERE name = 'pending_fan_tags'")
      .one().n;
    if (!exists) return [];
    return sql
      .exec<PendingRow>("SELECT tag_id, attempts, not_before FROM pending_fan_tags")
      .toArray();
  });
}

/**
 * Runs the account's tag alarm now, as if its backoff had passed: the
 * pending tags are made due, then the real alarm handler runs.
 */
export async function runTagAlarmNow(accountId: string): Promise<boolean> {
  const stub = getAccountStub(env, accountId);
  await runInDurableObject(stub, (_, state) => {
    const sql = state.storage.sql;
    const exists = sql
      .exec("SELECT count(*) AS n FROM sqlite_master WHERE name = 'pending_fan_tags'")
      .one().n;
    if (exists) sql.exec("UPDATE pending_fan_tags SET not_before = 0");
  });
  return runDurableObjectAlarm(stub);
}

/** Arms a sandbox fault; faults armed one after another are taken in that order. */
export async function armFault(account: AccountRow, fault: Partial<FaultInput> & { path: string }) {
  await addFault(db, account.appId, { errcode: null, delayMs: 0, times: 1, ...fault });
  // The sandbox takes the oldest fault first, by creation time in ms.
  await new Promise((resolve) => setTimeout(resolve, 5));
}

/** The sandbox's record of one API path for the AppID, oldest first. */
export async function recordedCalls(appId: string, path: string) {
  return db
    .select()
    .from(sandboxCalls)
    .where(and(eq(sandboxCalls.appId, appId), eq(sandboxCalls.path, path)))
    .orderBy(asc(sandboxCalls.id));
}

export async function sandboxFanTags(appId: string, openid: string): Promise<number[]> {
  const [fan] = await db
    .select()
    .from(sandboxFans)
    .where(and(eq(sandboxFans.appId, appId), eq(sandboxFans.openid, openid)));
  return fan?.tagIds ?? [];
}

/** Polls until `check` holds, for work that finishes after the call that started it. */
export async function until(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}
