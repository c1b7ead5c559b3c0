import type { QrSort } from "../../api/types";
import { Icon } from "../../components/Icon";
import type { ListQuery } from "./use-list-query";

type SortHeaderProps = {
  label: string;
  sort: QrSort;
  query: ListQuery;
  update: (patch: Partial<ListQuery>) => void;
  numeric?: boolean;
};

/** A column header that sorts by its column; a second click flips the order. */
export function SortHeader({ label, sort, query, update, numeric }: SortHeaderProps) {
  const active = query.sort === sort;
  const next = active && query.order === "desc" ? "asc" : "desc";
  return (
    <th
      class={numeric ? "num" : undefined}
      aria-sort={active ? (query.order === "asc" ? "ascending" : "descending") : "none"}
    >
      <button
        type="button"
        class={`th-sort${active ? " is-active" : ""}`}
        onClick={() => update({ sort, order: next })}
      >
        {label}
        <Icon
          name={active && query.order === "asc" ? "arrowUp" : "arrowDown"}
          size={12}
          class={active ? "" : "th-sort-idle"}
        />
      </button>
    </th>
  );
}
