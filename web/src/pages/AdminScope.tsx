import type { ComponentType } from "preact";
import { useCan } from "../hooks/use-role";
import { useT } from "../i18n";
import { ClosedPage } from "./ClosedPage";

/**
 * Wraps a page for admins and owners. Others never see the link in the
 * navigation; one who follows a shared URL reads why the page is closed.
 */
export function adminPage<P extends object>(Page: ComponentType<P>) {
  return function AdminScoped(props: P) {
    const t = useT();
    if (!useCan("admin")) return <ClosedPage body={t("trust.adminOnly")} />;
    return <Page {...props} />;
  };
}
