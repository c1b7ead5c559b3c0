import { useEffect, useState } from "preact/hooks";
import type { AuditFilter } from "../../api/audit";
import type { User } from "../../api/users";
import { Icon } from "../../components/Icon";
import { useDebounced } from "../../hooks/use-debounced";
import { useT } from "../../i18n";
import { useAccounts } from "../../state/accounts";
import { ENTITY_TYPES, entityLabel } from "./audit-labels";

type AuditFiltersProps = {
  filter: AuditFilter;
  update: (patch: AuditFilter) => void;
  users: User[];
};

/** What changed, by whom, in which account, and one thing's id. */
export function AuditFilters({ filter, update, users }: AuditFiltersProps) {
  const t = useT();
  const { accounts } = useAccounts();
  const [entityId, setEntityId] = useState(filter.entityId ?? "");
  const settled = useDebounced(entityId.trim(), 300);
  const filtered = Object.values(filter).some(Boolean);

  useEffect(() => {
    if (settled !== (filter.entityId ?? "")) update({ entityId: settled });
  }, [settled, filter.entityId, update]);

  return (
    <div class="toolbar">
      <select
        class="select toolbar-select"
        aria-label={t("audit.filter.entityType")}
        name="audit-entity-type"
        value={filter.entityType ?? ""}
        onChange={(e) => update({ entityType: e.currentTarget.value })}
      >
        <option value="">{t("audit.filter.allTypes")}</option>
        {ENTITY_TYPES.map((type) => (
          <option key={type} value={type}>
            {entityLabel(t, type)}
          </option>
        ))}
      </select>
      <select
        class="select toolbar-select"
        aria-label={t("audit.filter.user")}
        name="audit-user"
        value={filter.userId ?? ""}
        onChange={(e) => update({ userId: e.currentTarget.value })}
      >
        <option value="">{t("audit.filter.allUsers")}</option>
        {users.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name ? `${u.name} (${u.email})` : u.email}
          </option>
        ))}
      </select>
      <select
        class="select toolbar-select"
        aria-label={t("audit.filter.account")}
        name="audit-account"
        value={filter.accountId ?? ""}
        onChange={(e) => update({ accountId: e.currentTarget.value })}
      >
        <option value="">{t("audit.filter.allAccounts")}</option>
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <div class="input-icon toolbar-search">
        <Icon name="search" size={15} />
        <input
          class="input"
          type="search"
          name="audit-entity-id"
          placeholder={t("audit.filter.entityId")}
          aria-label={t("audit.filter.entityId")}
          value={entityId}
          onInput={(e) => setEntityId(e.currentTarget.value)}
        />
      </div>
      {filtered ? (
        <button
          type="button"
          class="btn btn-sm btn-ghost"
          onClick={() => {
            setEntityId("");
            update({ entityType: "", userId: "", accountId: "", entityId: "" });
          }}
        >
          <Icon name="x" size={13} />
          {t("audit.filter.clear")}
        </button>
      ) : null}
    </div>
  );
}
