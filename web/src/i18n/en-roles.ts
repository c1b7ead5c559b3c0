import type { zhCNRoles } from "./zh-CN-roles";

// English for what a role may not do, typed by the Chinese keys so a missing string fails `tsc`.
export const enRoles: Record<keyof typeof zhCNRoles, string> = {
  "roles.readOnly": "Read-only",
  "roles.readOnlyHint":
    "You are a viewer: you can see the data and download code images, but not create, change, delete or export. Ask an admin if you need a different role.",
  "roles.writeOnlyBody":
    "Viewers can look but cannot create or change anything. Ask an admin if you need a different role.",
  "roles.viewSettings": "View settings",
  "roles.codeReadOnly":
    "Read-only: you can see this code's settings and reply; operators, admins and owners can change them.",
  "roles.formReadOnly":
    "Read-only: you can see this form's settings; operators, admins and owners can change them.",
  "roles.qrEmptyBody":
    "This account has no QR codes yet. Operators, admins and owners can create them.",
  "roles.formsEmptyBody":
    "This account has no forms yet. Operators, admins and owners can create them.",
  "roles.adminActions": "Some actions need an admin",
  "roles.mtagsAdminHint":
    "Member tags are shared by every account: only admins and owners can rename, merge or delete them.",
  "roles.tokenReadOnly": "Viewers can only create read-only tokens.",
  "roles.checkNeedsOperator": "Operators, admins and owners can run the check again.",
};
