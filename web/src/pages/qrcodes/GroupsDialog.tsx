import { useState } from "preact/hooks";
import { createGroup, deleteGroup, renameGroup } from "../../api/qrcodes";
import type { QrGroup } from "../../api/types";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Icon } from "../../components/Icon";
import { Modal } from "../../components/Modal";
import { useAction } from "../../hooks/use-action";
import { useFormat } from "../../hooks/use-format";
import { useT } from "../../i18n";

type GroupsDialogProps = {
  accountId: string;
  groups: QrGroup[];
  onChanged: () => void;
  onClose: () => void;
};

/** Create, rename and delete groups in place; deleting leaves the codes ungrouped. */
export function GroupsDialog({ accountId, groups, onChanged, onClose }: GroupsDialogProps) {
  const t = useT();
  const fmt = useFormat();
  const [newName, setNewName] = useState("");
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const { error, run } = useAction();

  const change = (request: () => Promise<unknown>) =>
    run(async () => {
      await request();
      onChanged();
    });

  const add = async (e: Event) => {
    e.preventDefault();
    if (newName.trim() && (await change(() => createGroup(accountId, newName.trim()))))
      setNewName("");
  };

  return (
    <Modal title={t("group.title")} onClose={onClose}>
      <form class="row" onSubmit={add}>
        <input
          class="input"
          placeholder={t("group.newPlaceholder")}
          value={newName}
          maxLength={64}
          onInput={(e) => setNewName(e.currentTarget.value)}
        />
        <button type="submit" class="btn btn-primary" disabled={!newName.trim()}>
          <Icon name="plus" size={14} />
          {t("group.add")}
        </button>
      </form>
      {error ? <ErrorNotice error={error} /> : null}
      {groups.length === 0 ? <p class="muted small">{t("group.empty")}</p> : null}
      <ul class="group-list">
        {groups.map((g) => (
          <li key={g.id} class="group-item">
            {editing?.id === g.id ? (
              <form
                class="row grow"
                onSubmit={async (e) => {
                  e.preventDefault();
                  if (await change(() => renameGroup(accountId, g.id, editing.name.trim())))
                    setEditing(null);
                }}
              >
                <input
                  class="input"
                  value={editing.name}
                  maxLength={64}
                  onInput={(e) => setEditing({ id: g.id, name: e.currentTarget.value })}
                />
                <button type="submit" class="btn btn-sm btn-primary">
                  {t("common.save")}
                </button>
                <button type="button" class="btn btn-sm" onClick={() => setEditing(null)}>
                  {t("common.cancel")}
                </button>
              </form>
            ) : confirming === g.id ? (
              <div class="row grow group-confirm">
                <span class="grow">{t("group.deleteBody")}</span>
                <button
                  type="button"
                  class="btn btn-sm btn-danger"
                  onClick={() => void change(() => deleteGroup(accountId, g.id))}
                >
                  {t("common.delete")}
                </button>
                <button type="button" class="btn btn-sm" onClick={() => setConfirming(null)}>
                  {t("common.cancel")}
                </button>
              </div>
            ) : (
              <>
                <Icon name="folder" size={16} class="muted" />
                <span class="grow strong">{g.name}</span>
                <span class="muted small">
                  {t("group.codes", { count: fmt.number(g.codeCount) })}
                </span>
                <button
                  type="button"
                  class="btn btn-sm btn-ghost"
                  onClick={() => setEditing({ id: g.id, name: g.name })}
                >
                  {t("group.rename")}
                </button>
                <button
                  type="button"
                  class="btn btn-sm btn-ghost-danger"
                  onClick={() => setConfirming(g.id)}
                >
                  {t("common.delete")}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </Modal>
  );
}
