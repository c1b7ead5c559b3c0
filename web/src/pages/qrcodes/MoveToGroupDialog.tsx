import { useState } from "preact/hooks";
import { createGroup, moveQrCodes } from "../../api/qrcodes";
import type { QrGroup } from "../../api/types";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Modal } from "../../components/Modal";
import { useAction } from "../../hooks/use-action";
import { useT } from "../../i18n";

type MoveToGroupDialogProps = {
  accountId: string;
  ids: string[];
  groups: QrGroup[];
  onClose: () => void;
  onMoved: (count: number) => void;
};

const NEW = "__new__";

export function MoveToGroupDialog({
  accountId,
  ids,
  groups,
  onClose,
  onMoved,
}: MoveToGroupDialogProps) {
  const t = useT();
  const [target, setTarget] = useState<string>(groups[0]?.id ?? "");
  const [newName, setNewName] = useState("");
  const { busy, error, run } = useAction({ keepBusy: true });

  const submit = async () => {
    await run(async () => {
      const groupId =
        target === NEW ? (await createGroup(accountId, newName.trim())).id : target || null;
      const { count } = await moveQrCodes(accountId, ids, groupId);
      onMoved(count);
    });
  };

  const options = [
    ...groups.map((g) => ({ id: g.id, label: g.name })),
    { id: "", label: t("group.none") },
  ];
  return (
    <Modal
      title={t("qr.moveTitle", { count: ids.length })}
      onClose={onClose}
      size="sm"
      footer={
        <>
          <button type="button" class="btn" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button
            type="button"
            class="btn btn-primary"
            onClick={submit}
            disabled={busy || (target === NEW && !newName.trim())}
          >
            {t("common.confirm")}
          </button>
        </>
      }
    >
      <div class="choice-list">
        {options.map((o) => (
          <label key={o.id || "none"} class={`choice${target === o.id ? " is-active" : ""}`}>
            <input
              type="radio"
              name="group"
              checked={target === o.id}
              onChange={() => setTarget(o.id)}
            />
            {o.label}
          </label>
        ))}
        <label class={`choice${target === NEW ? " is-active" : ""}`}>
          <input
            type="radio"
            name="group"
            checked={target === NEW}
            onChange={() => setTarget(NEW)}
          />
          <input
            class="input input-inline"
            placeholder={t("group.newPlaceholder")}
            value={newName}
            onFocus={() => setTarget(NEW)}
            onInput={(e) => setNewName(e.currentTarget.value)}
          />
        </label>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </Modal>
  );
}
