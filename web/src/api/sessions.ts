import type { z } from "zod";
import type { changePasswordBodySchema, sessionSchema } from "../../../src/users/schemas";
import { request } from "./client";

export type Session = z.infer<typeof sessionSchema>;
export type ChangePasswordBody = z.input<typeof changePasswordBodySchema>;

export const listSessions = (signal?: AbortSignal) =>
  request<{ sessions: Session[] }>("/api/auth/sessions", { signal }).then((r) => r.sessions);

export const revokeSession = (id: string) =>
  request<void>(`/api/auth/sessions/${encodeURIComponent(id)}`, { method: "DELETE" });

/** Signs out every other session of the user as well (src/users/sessions-and-password.ts). */
export const changePassword = (body: ChangePasswordBody) =>
  request<void>("/api/auth/password", { json: body });
