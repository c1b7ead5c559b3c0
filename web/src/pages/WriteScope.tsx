import type { ComponentType } from "preact";
import { useCan } from "../hooks/use-role";
import { useT } from "../i18n";
import { ClosedPage } from "./ClosedPage";

/**
 * Wraps a page that only creates (a new code, an import, a new form). A
 * viewer sees no link to it; one who follows a shared URL reads why it is
 * closed instead of filling in a form the server would refuse.
 */
export function writePage<P extends object>(Page: ComponentType<P>) {
  return function WriteScoped(props: P) {
    const t = useT();
    if (!useCan("write")) return <ClosedPage body={t("roles.writeOnlyBody")} />;
    return <Page {...props} />;
  };
}
