import type { QrGroup } from "../../api/types";
import { useT } from "../../i18n";
import { NEW_GROUP } from "./qr-form-state";

type GroupPickerProps = {
  groups: QrGroup[];
  groupId: string;
  newGroupName: string;
  onChange: (groupId: string, newGroupName: string) => void;
};

/** An existing group, no group, or a new one named right here. */
export function GroupPicker({ groups, groupId, newGroupName, onChange }: GroupPickerProps) {
  const t = useT();
  return (
    <div class="group-picker">
      <select
        id="qr-group"
        class="select"
        value={groupId}
        onChange={(e) => onChange(e.currentTarget.value, newGroupName)}
      >
        <option value="">{t("group.none")}</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
        <option value={NEW_GROUP}>＋ {t("group.new")}</option>
      </select>
      {groupId === NEW_GROUP ? (
        <input
          class="input"
          name="newGroupName"
          maxLength={64}
          required
          placeholder={t("group.newPlaceholder")}
          value={newGroupName}
          onInput={(e) => onChange(NEW_GROUP, e.currentTarget.value)}
        />
      ) : null}
    </div>
  );
}
