import { z } from "@hono/zod-openapi";
import { USER_ROLES } from "../db/schema";

const password = z.string().min(10, "must be at least 10 characters").max(256);

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(USER_ROLES),
    status: z.enum(["active", "deactivated"]),
    accountIds: z.array(z.string()).openapi({
      description:
        "Accounts granted, among those the caller can see (an owner sees every account). Grants of accounts the caller cannot see are neither shown nor changed.",
    }),
    lastLoginAt: z.number().nullable(),
    createdAt: z.number(),
  })
  .openapi("User");

export const createUserBodySchema = z
  .object({
    email: z.string().trim().email().max(254),
    name: z.string().trim().max(80).default(""),
    role: z.enum(USER_ROLES),
    password: password
      .optional()
      .openapi({ description: "Left out: a temporary password is generated and returned once" }),
    accountIds: z.array(z.string()).max(200).default([]),
  })
  .openapi("CreateUserBody");

export const updateUserBodySchema = z
  .object({
    name: z.string().trim().max(80).optional(),
    role: z.enum(USER_ROLES).optional(),
    status: z.enum(["active", "deactivated"]).optional(),
    accountIds: z.array(z.string()).max(200).optional(),
  })
  .openapi("UpdateUserBody");

export const changePasswordBodySchema = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: password })
  .openapi("ChangePasswordBody");

export const sessionSchema = z
  .object({
    id: z.string(),
    userAgent: z.string(),
    createdAt: z.number(),
    lastSeenAt: z.number(),
    expiresAt: z.number(),
    current: z.boolean(),
  })
  .openapi("Session");
