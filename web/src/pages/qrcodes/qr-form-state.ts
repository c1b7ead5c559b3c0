import type {
  CreateQrCodeBody,
  QrCode,
  QrKind,
  ReplyMessage,
  UpdateQrCodeBody,
} from "../../api/types";
import { cleanMessage } from "./reply/reply-rules";

export type QrFormValues = {
  name: string;
  kind: QrKind;
  validityDays: number;
  autoRenew: boolean;
  /** An existing group id, "" for none, or NEW_GROUP with `newGroupName`. */
  groupId: string;
  newGroupName: string;
  fanTagIds: number[];
  memberTagIds: string[];
  reply: ReplyMessage[];
  /** The form a "form" reply message links to. */
  formId: string | null;
};

export const NEW_GROUP = "__new__";

export function initialQrValues(code?: QrCode, groupId = ""): QrFormValues {
  return {
    name: code?.name ?? "",
    kind: code?.kind ?? "temporary",
    validityDays: code?.validityDays ?? 30,
    autoRenew: code?.autoRenew ?? true,
    groupId: code ? (code.groupId ?? "") : groupId,
    newGroupName: "",
    fanTagIds: code?.fanTagIds ?? [],
    memberTagIds: code?.memberTagIds ?? [],
    reply: (code?.reply as ReplyMessage[] | undefined) ?? [],
    formId: code?.formId ?? null,
  };
}

function group(v: QrFormValues) {
  if (v.groupId === NEW_GROUP) return { newGroupName: v.newGroupName.trim() };
  return { groupId: v.groupId || undefined };
}

export function toCreateBody(v: QrFormValues): CreateQrCodeBody {
  const temporary = v.kind === "temporary";
  return {
    name: v.name.trim(),
    kind: v.kind,
    validityDays: temporary ? v.validityDays : undefined,
    autoRenew: temporary && v.autoRenew,
    ...group(v),
    fanTagIds: v.fanTagIds,
    memberTagIds: v.memberTagIds,
    reply: v.reply.map(cleanMessage),
    formId: v.formId ?? undefined,
  };
}

/** Everything but the kind can change; an empty group means "no group". */
export function toUpdateBody(v: QrFormValues): UpdateQrCodeBody {
  const temporary = v.kind === "temporary";
  return {
    name: v.name.trim(),
    validityDays: temporary ? v.validityDays : undefined,
    autoRenew: temporary && v.autoRenew,
    ...(v.groupId === NEW_GROUP
      ? { newGroupName: v.newGroupName.trim() }
      : { groupId: v.groupId || null }),
    fanTagIds: v.fanTagIds,
    memberTagIds: v.memberTagIds,
    reply: v.reply.map(cleanMessage),
    formId: v.formId,
  };
}

/** A "form" message needs the code's form, or the fan would get a link to nothing. */
export const needsForm = (v: QrFormValues) => v.reply.some((m) => m.type === "form") && !v.formId;
