import type { AccountRow } from "../http/types";

/** The API view of an account row: whether each secret is set, never its value. */
export function presentAccount(a: AccountRow) {
  return {
    id: a.id,
    name: a.name,
    appId: a.appId,
    originalId: a.originalId,
    messageMode: a.messageMode,
    timeZone: a.timeZone,
    isSandbox: a.isSandbox,
    secrets: {
      appSecret: a.appSecretEnc !== null,
      token: a.tokenEnc !== null,
      encodingAesKey: a.encodingAesKeyEnc !== null,
    },
    webhookPath: `/wechat/${a.id}`,
    lastCheck:
      a.lastCheckAt === null
        ? null
        : { at: a.lastCheckAt, ok: a.lastCheckOk ?? false, message: a.lastCheckMessage ?? "" },
    scanRetentionDays: a.scanRetentionDays,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}
