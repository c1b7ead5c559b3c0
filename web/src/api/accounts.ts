import { request } from "./client";
import type { Account, ConnectionCheck, CreateAccountBody, UpdateAccountBody } from "./types";

const base = "/api/accounts";

export const listAccounts = (signal?: AbortSignal) =>
  request<{ accounts: Account[] }>(base, { signal }).then((r) => r.accounts);

export const createAccount = (body: CreateAccountBody) =>
  request<{ account: Account }>(base, { json: body }).then((r) => r.account);

export const updateAccount = (id: string, body: UpdateAccountBody) =>
  request<{ account: Account }>(`${base}/${id}`, { method: "PATCH", json: body }).then(
    (r) => r.account,
  );

export const deleteAccount = (id: string) => request<void>(`${base}/${id}`, { method: "DELETE" });

export const checkAccount = (id: string) =>
  request<{ check: ConnectionCheck }>(`${base}/${id}/check`, { method: "POST" }).then(
    (r) => r.check,
  );
