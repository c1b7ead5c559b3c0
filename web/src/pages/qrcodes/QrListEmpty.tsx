import { EmptyState } from "../../components/EmptyState";
import { Icon } from "../../components/Icon";
import { useT } from "../../i18n";
import { hasFilters, type ListQuery } from "./use-list-query";

type QrListEmptyProps = { base: string; query: ListQuery; update: (p: Partial<ListQuery>) => void };

/** Nothing matched a filter, or there is nothing at all yet: two different next steps. */
export function QrListEmpty({ base, query, update }: QrListEmptyProps) {
  const t = useT();
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
