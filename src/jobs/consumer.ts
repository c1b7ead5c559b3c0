import { recordDeadLetter } from "../dead-letters/record-dead-letter";
import { errorFields, log } from "../lib/log";
import { type JobHandler, jobHandlers } from "./handlers";
import { type JobMessageType, jobMessageSchema } from "./messages";
import "./registry";

/** Backoff for a retried message: 5 s, 10 s, 20 s... capped at 10 minutes. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(600, 5 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Each message is acked or retried on its own, so one bad message never
 * holds back the rest of its batch. Retries past `max_retries` go to the
 * dead-letter queue, whose consumer records them in `dead_letters`.
 */
export async function consumeJobs(batch: MessageBatch, env: Env, ctx: ExecutionContext) {
  for (const message of batch.messages) {
    const parsed = jobMessageSchema.safeParse(message.body);
    if (!parsed.success) {
      log.error("queue message invalid", { queue: batch.queue, messageId: message.id });
      message.ack();
      await recordDeadLetter(env, batch.queue, message.body, message.attempts);
      continue;
    }
    const body = parsed.data;
    const handler = jobHandlers[body.type] as JobHandler<JobMessageType> | undefined;
    try {
      if (!handler) throw new Error(`no handler for ${body.type}`);
      const outcome = await handler(env, body as never, ctx, message.attempts);
      if (outcome?.retry) {
        log.warn("queue message retried", {
          type: body.type,
          attempts: message.attempts,
          reason: outcome.reason,
        });
        message.retry({
          delaySeconds: outcome.delaySeconds ?? retryDelaySeconds(message.attempts),
        });
      } else {
        message.ack();
      }
    } catch (err) {
      log.error("queue message failed", {
        type: body.type,
        attempts: message.attempts,
        ...errorFields(err),
      });
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    }
  }
}

export async function consumeDeadLetters(batch: MessageBatch, env: Env) {
  for (const message of batch.messages) {
    try {
      await recordDeadLetter(env, batch.queue, message.body, message.attempts);
      log.error("queue message dead-lettered", { queue: batch.queue, messageId: message.id });
      message.ack();
    } catch (err) {
      log.error("dead letter not recorded", errorFields(err));
      message.retry();
    }
  }
}
