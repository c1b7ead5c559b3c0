import { AppError } from "../http/errors";
import type { AccountRow } from "../http/types";

/** The sandbox's controls act on sandbox accounts only: a real account's fans are real people. */
export function requireSandboxAccount(account: AccountRow): AccountRow {
  if (!account.isSandbox)
    throw new AppError("conflict", "Only sandbox accounts have a WeChat sandbox");
  return account;
}
