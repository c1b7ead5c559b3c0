import { EmptyState } from "../components/EmptyState";
import { useT } from "../i18n";

export function NotFoundPage() {
  const t = useT();
  return (
    <EmptyState icon="search" title={t("error.pageNotFound")} body={t("error.pageNotFoundHint")}>
      <a class="btn btn-primary" href="/">
        {t("error.goHome")}
      </a>
    </EmptyState>
  );
}
