import type { z } from "zod";
import type { deadLetterSchema } from "../../../src/dead-letters/schemas";
import { request } from "./client";

export type DeadLetter = z.infer<typeof deadLetterSchema>;
export type DeadLetterStatus = DeadLetter["status"];

export const listDeadLetters = (status: DeadLetterStatus, signal?: AbortSignal) =>
  request<{ deadLetters: DeadLetter[] }>("/api/dead-letters", { query: { status }, signal }).then(
    (r) => r.deadLetters,
  );

/** Puts the message back on its queue; 409 when it is no longer open. */
export const retryDeadLetter = (id: string) =>
  request<{ deadLetter: DeadLetter }>(`/api/dead-letters/${id}/retry`, { method: "POST" }).then(
    (r) => r.deadLetter,
  );

export const discardDeadLetter = (id: string) =>
  request<{ deadLetter: DeadLetter }>(`/api/dead-letters/${id}/discard`, {
    method: "POST",
  }).then((r) => r.deadLetter);
