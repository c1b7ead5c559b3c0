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
  /** 0 keeps raw scans forever; otherwise 7 to 3650 days (src/accounts/schemas.ts). */
  scanRetentionDays: number;
};

export const MESSAGE_MODES: readonly MessageMode[] = ["safe", "compatible", "plaintext"];

/** The retention choices offered; an account set to another value through the API keeps it. */
export function retentionChoices(current: number): number[] {
  const presets = [0, 30, 90, 180, 365, 730, 1095, 3650];
  return presets.includes(current) ? presets : [...presets, current].sort((a, b) => a - b);
}

export function initialValues(account?: Account): AccountFormValues {
  return {
    name: account?.name ?? "",
    appId: account?.appId ?? "",
    originalId: account?.originalId ?? "",
    messageMode: account?.messageMode ?? "safe",
    timeZone: account?.timeZone ?? "Asia/Shanghai",
    isSandbox: account?.isSandbox ?? false,
    scanRetentionDays: account?.scanRetentionDays ?? 0,
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
    scanRetentionDays: v.scanRetentionDays,
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
    scanRetentionDays: v.scanRetentionDays,
  };
}

export function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "UTC"];
  }
}
