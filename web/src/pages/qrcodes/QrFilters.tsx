import { useEffect, useState } from "preact/hooks";
import type { QrGroup, QrKind, QrState } from "../../api/types";
import { Icon } from "../../components/Icon";
import { useDebounced } from "../../hooks/use-debounced";
import { type MessageKey, useT } from "../../i18n";
import type { ListQuery } from "./use-list-query";

const STATES: (QrState | "")[] = ["", "active", "expiring", "expired", "archived"];

type QrFiltersProps = {
  query: ListQuery;
  update: (patch: Partial<ListQuery>) => void;
  groups: QrGroup[];
  /** Left out for a role that cannot change groups: no button then. */
  onManageGroups?: () => void;
};

/** Status tabs over the table, then search, group and kind. */
export function QrStatusTabs({ query, update }: Pick<QrFiltersProps, "query" | "update">) {
  const t = useT();
  return (
    <div class="tabs" role="tablist">
      {STATES.map((s) => (
        <button
          key={s || "all"}
          type="button"
          role="tab"
          aria-selected={query.status === s}
          class={`tab${query.status === s ? " is-active" : ""}`}
          onClick={() => update({ status: s })}
        >
          {t(`qr.state.${s || "all"}` as MessageKey)}
        </button>
      ))}
    </div>
  );
}

export function QrFilters({ query, update, groups, onManageGroups }: QrFiltersProps) {
  const t = useT();
  const [search, setSearch] = useState(query.q);
  const settled = useDebounced(search, 300);

  useEffect(() => {
    if (settled !== query.q) update({ q: settled });
  }, [settled, query.q, update]);

  return (
    <div class="toolbar">
      <div class="input-icon toolbar-search">
        <Icon name="search" size={15} />
        <input
          class="input"
          type="search"
          placeholder={t("qr.searchPlaceholder")}
          aria-label={t("common.search")}
          value={search}
          onInput={(e) => setSearch(e.currentTarget.value)}
        />
      </div>
      <select
        class="select toolbar-select"
        aria-label={t("qr.group")}
        value={query.groupId}
        onChange={(e) => update({ groupId: e.currentTarget.value })}
      >
        <option value="">{t("qr.allGroups")}</option>
        <option value="none">{t("qr.noGroup")}</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
      <select
        class="select toolbar-select"
        aria-label={t("qr.kind")}
        value={query.kind}
        onChange={(e) => update({ kind: e.currentTarget.value as QrKind | "" })}
      >
        <option value="">{t("qr.allKinds")}</option>
        <option value="temporary">{t("qr.kind.temporary")}</option>
        <option value="permanent">{t("qr.kind.permanent")}</option>
      </select>
      <div class="spacer" />
      {onManageGroups ? (
        <button type="button" class="btn btn-ghost" onClick={onManageGroups}>
          <Icon name="folder" size={15} />
          {t("qr.manageGroups")}
        </button>
      ) : null}
    </div>
  );
}
