import { request } from "./client";

// TODO(#5): type from the server's tag schemas once the fan-tag and member-tag routes land.
export type FanTag = { id: number; name: string; count?: number };
export type MemberTag = { id: string; name: string };

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
