import type { z } from "zod";
import type {
  conflictSchema,
  contactDetailSchema,
  contactListSchema,
  contactsQuerySchema,
  updateContactBodySchema,
} from "../../../../src/contacts/schemas";
import type { memberTagSchema } from "../../../../src/tags/schemas";
import { request } from "../../api/client";
import type { Job } from "../../api/types";

export type ContactList = z.infer<typeof contactListSchema>;
export type ContactSummary = ContactList["contacts"][number];
export type ContactDetail = z.infer<typeof contactDetailSchema>;
export type ContactEvent = ContactDetail["events"][number];
export type ContactsQuery = Partial<z.infer<typeof contactsQuerySchema>>;
export type UpdateContactBody = z.input<typeof updateContactBodySchema>;
export type Conflict = z.infer<typeof conflictSchema>;
export type Resolution = "keep_existing" | "link_submitted" | "merge_contacts";
export type MemberTag = z.infer<typeof memberTagSchema>;
type Tags = { tags: { id: string; name: string; color: string }[] };

export const listContacts = (query: ContactsQuery, signal?: AbortSignal) =>
  request<ContactList>("/api/contacts", { query, signal });

export const getContact = (id: string, signal?: AbortSignal) =>
  request<ContactDetail>(`/api/contacts/${id}`, { signal });

export const updateContact = (id: string, body: UpdateContactBody) =>
  request<ContactDetail>(`/api/contacts/${id}`, { method: "PATCH", json: body });

export const addContactTags = (id: string, memberTagIds: string[]) =>
  request<Tags>(`/api/contacts/${id}/member-tags`, { method: "POST", json: { memberTagIds } });

export const removeContactTag = (id: string, memberTagId: string) =>
  request<Tags>(`/api/contacts/${id}/member-tags/${memberTagId}`, { method: "DELETE" });

export const exportContacts = (filter: Omit<ContactsQuery, "page" | "pageSize">) =>
  request<{ job: Job }>("/api/contacts/export", { method: "POST", json: filter }).then(
    (r) => r.job,
  );

export const listConflicts = (
  query: { status: "open" | "resolved"; page: number },
  signal?: AbortSignal,
) =>
  request<{ conflicts: Conflict[]; total: number; page: number; pageSize: number }>(
    "/api/contacts/conflicts",
    { query, signal },
  );

export const resolveConflict = (id: string, resolution: Resolution) =>
  request<{ conflict: Conflict; contactId: string }>(`/api/contacts/conflicts/${id}/resolve`, {
    method: "POST",
    json: { resolution },
  });

export const listMemberTags = (signal?: AbortSignal) =>
  request<{ tags: MemberTag[] }>("/api/member-tags", { signal }).then((r) => r.tags);

export const createMemberTag = (name: string) =>
  request<{ tag: MemberTag }>("/api/member-tags", { method: "POST", json: { name } }).then(
    (r) => r.tag,
  );

export const renameMemberTag = (id: string, name: string) =>
  request<{ tag: MemberTag }>(`/api/member-tags/${id}`, { method: "PATCH", json: { name } });

export const mergeMemberTag = (id: string, intoMemberTagId: string) =>
  request<{ tag: MemberTag }>(`/api/member-tags/${id}/merge`, {
    method: "POST",
    json: { intoMemberTagId },
  });

export const deleteMemberTag = (id: string) =>
  request<void>(`/api/member-tags/${id}`, { method: "DELETE" });
