import { EmptyState } from "../components/EmptyState";
import { useT } from "../i18n";

/** A page the signed-in role may not use, reached by a shared link: why, and a way back. */
export function ClosedPage({ body }: { body: string }) {
  const t = useT();
  return (
    <div class="page">
      <div class="card">
        <EmptyState icon="lock" title={t("error.title.forbidden")} body={body}>
          <a class="btn" href="/">
            {t("trust.backHome")}
          </a>
        </EmptyState>
      </div>
    </div>
  );
}
