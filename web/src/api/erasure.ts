import type { z } from "zod";
import type { erasedContactSchema, erasedFanSchema } from "../../../src/privacy/schemas";
import { request } from "./client";

export type ErasedFan = z.infer<typeof erasedFanSchema>;
export type ErasedContact = z.infer<typeof erasedContactSchema>;

// A privacy request: the personal data goes, every count stays. 409 when already erased.

export const eraseFan = (accountId: string, fanId: string) =>
  request<{ fan: ErasedFan }>(`/api/accounts/${accountId}/fans/${fanId}/erase`, {
    method: "POST",
  }).then((r) => r.fan);

export const eraseContact = (contactId: string) =>
  request<{ contact: ErasedContact }>(`/api/contacts/${contactId}/erase`, {
    method: "POST",
  }).then((r) => r.contact);
