import type { z } from "zod";
import type { fanTagFailureSchema, retryTagFailuresResultSchema } from "../../../src/tags/schemas";
import { request } from "./client";
import type { FanTag, MemberTag } from "./types";

export const listFanTags = (accountId: string, signal?: AbortSignal) =>
  request<{ tags: FanTag[] }>(`/api/accounts/${accountId}/fan-tags`, { signal }).then(
    (r) => r.tags,
  );

export const syncFanTags = (accountId: string) =>
  request<{ tags: FanTag[] }>(`/api/accounts/${accountId}/fan-tags/sync`, { method: "POST" }).then(
    (r) => r.tags,
  );

export const listMemberTags = (signal?: AbortSignal) =>
  request<{ tags: MemberTag[] }>("/api/member-tags", { signal }).then((r) => r.tags);

/** A new WeChat fan tag (WeChat allows 100 per account, names up to 30 bytes). */
export const createFanTag = (accountId: string, name: string) =>
  request<{ tag: FanTag }>(`/api/accounts/${accountId}/fan-tags`, { json: { name } }).then(
    (r) => r.tag,
  );

export const createMemberTag = (name: string) =>
  request<{ tag: MemberTag }>("/api/member-tags", { json: { name } }).then((r) => r.tag);

/** A fan tag of a code that could not be applied to one fan. */
export type FanTagFailure = z.infer<typeof fanTagFailureSchema>;
export type RetryTagFailuresResult = z.infer<typeof retryTagFailuresResultSchema>;

export const listTagFailures = (accountId: string, codeId: string, signal?: AbortSignal) =>
  request<{ failures: FanTagFailure[] }>(
    `/api/accounts/${accountId}/qrcodes/${codeId}/tag-failures`,
    { signal },
  ).then((r) => r.failures);

/** Queues the code's failed tags again (all of them, or `failureIds`); erased fans are skipped. */
export const retryTagFailures = (accountId: string, codeId: string, failureIds?: string[]) =>
  request<RetryTagFailuresResult>(
    `/api/accounts/${accountId}/qrcodes/${codeId}/tag-failures/retry`,
    { json: failureIds ? { failureIds } : {} },
  );
