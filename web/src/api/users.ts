import type { z } from "zod";
import type {
  createUserBodySchema,
  updateUserBodySchema,
  userSchema,
} from "../../../src/users/schemas";
import { request } from "./client";

export type User = z.infer<typeof userSchema>;
export type UserRole = User["role"];
export type CreateUserBody = z.input<typeof createUserBodySchema>;
export type UpdateUserBody = z.input<typeof updateUserBodySchema>;
export type CreatedUser = { user: User; temporaryPassword: string | null };

export const USER_ROLES: readonly UserRole[] = ["owner", "admin", "operator", "viewer"];

const RANK: Record<UserRole, number> = { viewer: 0, operator: 1, admin: 2, owner: 3 };

/** Same order as the server's `roleAtLeast`: viewer < operator < admin < owner. */
export const roleAtLeast = (role: UserRole, minimum: UserRole) => RANK[role] >= RANK[minimum];

/** The server's rule (src/users/manage-users.ts): owners manage all, admins below admin. */
export const canManageRole = (actor: UserRole, role: UserRole) =>
  actor === "owner" || (actor === "admin" && !roleAtLeast(role, "admin"));

export const listUsers = (signal?: AbortSignal) =>
  request<{ users: User[] }>("/api/users", { signal }).then((r) => r.users);

export const createUser = (body: CreateUserBody) =>
  request<CreatedUser>("/api/users", { json: body });

export const updateUser = (id: string, body: UpdateUserBody) =>
  request<{ user: User }>(`/api/users/${id}`, { method: "PATCH", json: body }).then((r) => r.user);
