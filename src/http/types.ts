import type { accounts, UserRole } from "../db/schema";
import type { ApiTokenScope } from "../db/schema/api-tokens";

export type AuthContext = {
  userId: string;
  email: string;
  role: UserRole;
  /** How the caller proved who they are; tokens carry a scope, sessions do not. */
  via: "session" | "token";
  scope: ApiTokenScope;
  sessionId?: string;
  tokenId?: string;
};

export type AccountRow = typeof accounts.$inferSelect;

export type AppVariables = {
  requestId: string;
  auth: AuthContext;
  /** Set by the account-access middleware on `/api/accounts/:accountId/*`. */
  account: AccountRow;
};

export type AppEnv = { Bindings: Env; Variables: AppVariables };
