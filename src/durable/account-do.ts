import { DurableObject } from "cloudflare:workers";

/**
 * One instance per official account (named by the account id). It serialises
 * what must not run twice at once for an account: the access-token refresh,
 * fan tagging, and the live scan counters pushed to open consoles.
 */
export class AccountDurableObject extends DurableObject<Env> {
  /** Whether the object answers; used by the health check. */
  async ping(): Promise<string> {
    return "pong";
  }
}

export function getAccountStub(env: Env, accountId: string) {
  return env.ACCOUNT_DO.get(env.ACCOUNT_DO.idFromName(accountId));
}
