import { EmptyState } from "../../components/EmptyState";
import { Icon } from "../../components/Icon";
import { useCan } from "../../hooks/use-role";
import { useT } from "../../i18n";
import { hasFilters, type ListQuery } from "./use-list-query";

type QrListEmptyProps = { base: string; query: ListQuery; update: (p: Partial<ListQuery>) => void };

/**
 * Nothing matched a filter, or there is nothing at all yet: two different next
 * steps. A viewer cannot take the second, so they read who can.
 */
export function QrListEmpty({ base, query, update }: QrListEmptyProps) {
  const t = useT();
  const canWrite = useCan("write");
  if (hasFilters(query)) {
    return (
      <EmptyState icon="search" title={t("qr.noMatchTitle")} body={t("qr.noMatchBody")}>
        <button
          type="button"
          class="btn"
          onClick={() => update({ q: "", groupId: "", kind: "", status: "" })}
        >
          {t("qr.clearFilters")}
        </button>
      </EmptyState>
    );
  }
  if (!canWrite) {
    return <EmptyState icon="qrcode" title={t("qr.emptyTitle")} body={t("roles.qrEmptyBody")} />;
  }
  return (
    <EmptyState icon="qrcode" title={t("qr.emptyTitle")} body={t("qr.emptyBody")}>
      <a class="btn" href={`${base}/import`}>
        <Icon name="upload" size={15} />
        {t("qr.batch")}
      </a>
      <a class="btn btn-primary" href={`${base}/new`}>
        <Icon name="plus" size={15} />
        {t("qr.new")}
      </a>
    </EmptyState>
  );
}
