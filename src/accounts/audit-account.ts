import { changedFields } from "../audit/changed-fields";
import type { AccountRow } from "../http/types";
import type { UpdateAccountInput } from "./schemas";

const SECRETS = ["appSecret", "token", "encodingAesKey"] as const;

/** The settings an audit entry shows of an account; secrets are left to `secretsChanged`. */
export function accountAuditFields(a: AccountRow) {
  return {
    name: a.name,
    appId: a.appId,
    originalId: a.originalId,
    messageMode: a.messageMode,
    timeZone: a.timeZone,
    isSandbox: a.isSandbox,
    scanRetentionDays: a.scanRetentionDays,
  };
}

/**
 * The secrets a request set, each as `true`. Their key names make
 * redactForAudit store only a marker, so a value can never reach the log.
 */
function secretsChanged(input: Partial<Record<(typeof SECRETS)[number], string>>) {
  const out: Record<string, true> = {};
  for (const key of SECRETS) if (input[key] !== undefined) out[key] = true;
  return out;
}

export function accountCreateAudit(account: AccountRow) {
  const set = {
    appSecret: account.appSecretEnc !== null ? "set" : undefined,
    token: account.tokenEnc !== null ? "set" : undefined,
    encodingAesKey: account.encodingAesKeyEnc !== null ? "set" : undefined,
  };
  return { ...accountAuditFields(account), ...secretsChanged(set) };
}

/** Only what changed; a secret that was sent counts as changed, its value unknown to the log. */
export function accountUpdateAudit(
  before: AccountRow,
  after: AccountRow,
  input: UpdateAccountInput,
) {
  const diff = changedFields(accountAuditFields(before), accountAuditFields(after));
  const secrets = secretsChanged(input);
  if (!diff && !Object.keys(secrets).length) return null;
  return { before: diff?.before ?? {}, after: { ...diff?.after, ...secrets } };
}
