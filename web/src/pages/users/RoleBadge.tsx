import type { UserRole } from "../../api/users";
import { Badge, type BadgeTone } from "../../components/Badge";
import { type MessageKey, useT } from "../../i18n";

const TONE: Record<UserRole, BadgeTone> = {
  owner: "accent",
  admin: "info",
  operator: "success",
  viewer: "neutral",
};

export const roleLabelKey = (role: UserRole) => `auth.role.${role}` as MessageKey;

export function RoleBadge({ role }: { role: UserRole }) {
  const t = useT();
  return <Badge tone={TONE[role]}>{t(roleLabelKey(role))}</Badge>;
}
