import type { ComponentType } from "preact";
import { EmptyState } from "../components/EmptyState";
import { useRoleAtLeast } from "../hooks/use-role";
import { useT } from "../i18n";

/**
 * Wraps a page for admins and owners. Others never see the link in the
 * navigation; one who follows a shared URL reads why the page is closed.
 */
export function adminPage<P extends object>(Page: ComponentType<P>) {
  return function AdminScoped(props: P) {
    const t = useT();
    if (!useRoleAtLeast("admin")) {
      return (
        <div class="page">
          <div class="card">
            <EmptyState icon="lock" title={t("error.title.forbidden")} body={t("trust.adminOnly")}>
              <a class="btn" href="/">
                {t("trust.backHome")}
              </a>
            </EmptyState>
          </div>
        </div>
      );
    }
    return <Page {...props} />;
  };
}
