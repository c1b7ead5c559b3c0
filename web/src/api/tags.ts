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
