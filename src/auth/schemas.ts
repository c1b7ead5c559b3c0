import { z } from "@hono/zod-openapi";
import { API_TOKEN_SCOPES, USER_ROLES } from "../db/schema";
import { nameText } from "../http/name-text";

export const loginBodySchema = z
  .object({
    email: z.string().trim().email().max(254),
    password: z.string().min(1).max(256),
  })
  .openapi("LoginBody");

export const meSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(USER_ROLES),
    locale: z.string(),
  })
  .openapi("Me");

export const createApiTokenBodySchema = z
  .object({
    name: nameText(80),
    scope: z.enum(API_TOKEN_SCOPES).default("write"),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .openapi("CreateApiTokenBody");

export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    scope: z.enum(API_TOKEN_SCOPES),
    createdAt: z.number(),
    lastUsedAt: z.number().nullable(),
    expiresAt: z.number().nullable(),
    revokedAt: z.number().nullable(),
  })
  .openapi("ApiToken");

export const createdApiTokenSchema = apiTokenSchema
  .extend({ token: z.string().openapi({ description: "Shown once; store it now." }) })
  .openapi("CreatedApiToken");
