import { request } from "./client";
import type { ApiToken, CreatedApiToken } from "./types";

export type CreateTokenInput = { name: string; scope: "read" | "write"; expiresInDays?: number };

export const listTokens = (signal?: AbortSignal) =>
  request<{ tokens: ApiToken[] }>("/api/tokens", { signal }).then((r) => r.tokens);

export const createToken = (input: CreateTokenInput) =>
  request<CreatedApiToken>("/api/tokens", { json: input });

export const revokeToken = (id: string) => request<void>(`/api/tokens/${id}`, { method: "DELETE" });
