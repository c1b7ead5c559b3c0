import { useEffect, useState } from "preact/hooks";
import { Icon } from "../../components/Icon";
import { useApi } from "../../hooks/use-api";
import { useDebounced } from "../../hooks/use-debounced";
import { useT } from "../../i18n";
import { listMemberTags } from "./contacts-api";
import type { ContactQuery } from "./use-contact-query";

type ContactFiltersProps = { query: ContactQuery; update: (patch: Partial<ContactQuery>) => void };

export function ContactFilters({ query, update }: ContactFiltersProps) {
  const t = useT();
  const [search, setSearch] = useState(query.q);
  const settled = useDebounced(search, 300);
  const tags = useApi((signal) => listMemberTags(signal), []);

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
          name="contact-search"
          placeholder={t("contacts.searchPlaceholder")}
          aria-label={t("common.search")}
          value={search}
          onInput={(e) => setSearch(e.currentTarget.value)}
        />
      </div>
      <select
        class="select toolbar-select"
        aria-label={t("contacts.memberTag")}
        value={query.memberTagId}
        onChange={(e) => update({ memberTagId: e.currentTarget.value })}
      >
        <option value="">{t("contacts.allTags")}</option>
        {(tags.data ?? []).map((tag) => (
          <option key={tag.id} value={tag.id}>
            {tag.name}
          </option>
        ))}
      </select>
      {query.qrcodeId ? (
        <button type="button" class="chip is-on" onClick={() => update({ qrcodeId: "" })}>
          {t("contacts.fromCode", { id: query.qrcodeId })}
          <Icon name="x" size={12} />
        </button>
      ) : null}
    </div>
  );
}
