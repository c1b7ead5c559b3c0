import type { AccountInput } from "../../api/accounts";
import type { Account, MessageMode } from "../../api/types";

export type AccountFormValues = {
  name: string;
  appId: string;
  appSecret: string;
  originalId: string;
  token: string;
  encodingAesKey: string;
  messageMode: MessageMode;
  timeZone: string;
  isSandbox: boolean;
};

export const MESSAGE_MODES: readonly MessageMode[] = ["safe", "compatible", "plaintext"];

export function initialValues(account?: Account): AccountFormValues {
  return {
    name: account?.name ?? "",
    appId: account?.appId ?? "",
    originalId: account?.originalId ?? "",
    messageMode: account?.messageMode ?? "safe",
    timeZone: account?.timeZone ?? "Asia/Shanghai",
    isSandbox: account?.isSandbox ?? false,
    appSecret: "",
    token: "",
    encodingAesKey: "",
  };
}

/** Secrets are write-only: an empty field on edit means "keep the stored one". */
export function toInput(v: AccountFormValues, editing: boolean): AccountInput {
  const secret = (s: string) => (s.trim() === "" && editing ? undefined : s.trim());
  return {
    name: v.name.trim(),
    appId: v.appId.trim(),
    originalId: v.originalId.trim(),
    messageMode: v.messageMode,
    timeZone: v.timeZone,
    isSandbox: v.isSandbox,
    appSecret: secret(v.appSecret),
    token: secret(v.token),
    encodingAesKey: secret(v.encodingAesKey),
  };
}

export function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "UTC"];
  }
}
