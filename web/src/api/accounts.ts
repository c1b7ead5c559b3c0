import { request } from "./client";
import type { Account, MessageMode } from "./types";

export type AccountInput = {
  name: string;
  appId: string;
  originalId: string;
  messageMode: MessageMode;
  timeZone: string;
  isSandbox: boolean;
  /** Secrets are write-only: omitted means "keep what is stored". */
  appSecret?: string;
  token?: string;
  encodingAesKey?: string;
};

/** What the connection check answers; TODO(#4): switch to the server's schema once it lands. */
export type AccountCheck = { ok: boolean; message: string; at?: number };

const base = "/api/accounts";

export const listAccounts = (signal?: AbortSignal) =>
  request<{ accounts: Account[] }>(base, { signal }).then((r) => r.accounts);

export const getAccount = (id: string, signal?: AbortSignal) =>
  request<{ account: Account }>(`${base}/${id}`, { signal }).then((r) => r.account);

export const createAccount = (input: AccountInput) =>
  request<{ account: Account }>(base, { json: input }).then((r) => r.account);

export const updateAccount = (id: string, input: Partial<AccountInput>) =>
  request<{ account: Account }>(`${base}/${id}`, { method: "PATCH", json: input }).then(
    (r) => r.account,
  );

export const deleteAccount = (id: string) => request<void>(`${base}/${id}`, { method: "DELETE" });

export const checkAccount = (id: string) =>
  request<{ check: AccountCheck } | AccountCheck>(`${base}/${id}/check`, { method: "POST" }).then(
    (r) => ("check" in r ? r.check : r),
  );
