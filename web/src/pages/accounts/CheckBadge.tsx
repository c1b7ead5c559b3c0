import type { Account } from "../../api/types";
import { Badge } from "../../components/Badge";
import { useT } from "../../i18n";

export function CheckBadge({ check }: { check: Account["lastCheck"] }) {
  const t = useT();
  if (!check) return <Badge>{t("account.notChecked")}</Badge>;
  return check.ok ? (
    <Badge tone="success">{t("account.checkOk")}</Badge>
  ) : (
    <Badge tone="danger">{t("account.checkFailed")}</Badge>
  );
}
