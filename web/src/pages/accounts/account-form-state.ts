import type { Account, CreateAccountBody, MessageMode, UpdateAccountBody } from "../../api/types";

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

/** An empty field is left out: the server keeps (or, for a sandbox, generates) the value. */
const filled = (s: string) => (s.trim() === "" ? undefined : s.trim());

export function toCreateBody(v: AccountFormValues): CreateAccountBody {
  return {
    name: v.name.trim(),
    appId: filled(v.appId),
    appSecret: filled(v.appSecret),
    originalId: filled(v.originalId),
    token: filled(v.token),
    encodingAesKey: filled(v.encodingAesKey),
    messageMode: v.messageMode,
    timeZone: v.timeZone,
    isSandbox: v.isSandbox,
  };
}

/** Secrets are write-only: an empty field on edit means "keep the stored one". Kind is fixed. */
export function toUpdateBody(v: AccountFormValues): UpdateAccountBody {
  return {
    name: v.name.trim(),
    appId: filled(v.appId),
    appSecret: filled(v.appSecret),
    originalId: filled(v.originalId),
    token: filled(v.token),
    encodingAesKey: filled(v.encodingAesKey),
    messageMode: v.messageMode,
    timeZone: v.timeZone,
  };
}

export function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "UTC"];
  }
}
