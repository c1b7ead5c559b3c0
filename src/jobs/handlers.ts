import type { JobMessage, JobMessageType } from "./messages";

/** What a handler says about one message: done, or try again later. */
export type HandlerOutcome =
  | { retry: false }
  | { retry: true; delaySeconds?: number; reason: string };

/** `attempts` is the queue's delivery count of this message: 1 the first time. */
export type JobHandler<T extends JobMessageType> = (
  env: Env,
  message: Extract<JobMessage, { type: T }>,
  ctx: ExecutionContext,
  attempts: number,
) => Promise<HandlerOutcome | undefined>;

type HandlerTable = { [T in JobMessageType]?: JobHandler<T> };

/** Domains register their handler here; see the imports in src/jobs/registry.ts. */
export const jobHandlers: HandlerTable = {};

export function registerJobHandler<T extends JobMessageType>(type: T, handler: JobHandler<T>) {
  (jobHandlers as Record<string, unknown>)[type] = handler;
}
