import { Icon } from "../../components/Icon";
import { useCan } from "../../hooks/use-role";
import { useT } from "../../i18n";

type Tag = { id: string | number; name: string };

function ChosenTags({ tags }: { tags: Tag[] }) {
  const t = useT();
  if (tags.length === 0) return <span class="muted small">{t("common.none")}</span>;
  return (
    <div class="chips">
      {tags.map((tag) => (
        <span key={tag.id} class="chip chip-static">
          {tag.name}
        </span>
      ))}
    </div>
  );
}

type TagChipsProps<T extends string | number> = {
  tags: Tag[];
  value: T[];
  onChange: (ids: T[]) => void;
  /** A fan carries at most 20 WeChat tags: more cannot be chosen. */
  max?: number;
};

/** Tags as toggles: pressed chips are the chosen ones. A viewer sees the chosen ones only. */
export function TagChips<T extends string | number>({
  tags,
  value,
  onChange,
  max,
}: TagChipsProps<T>) {
  const t = useT();
  const canWrite = useCan("write");
  if (tags.length === 0) return <span class="muted small">{t("qrform.noTags")}</span>;
  if (!canWrite) return <ChosenTags tags={tags.filter((tag) => value.includes(tag.id as T))} />;
  return (
    <div class="chips">
      {tags.map((tag) => {
        const id = tag.id as T;
        const on = value.includes(id);
        return (
          <button
            key={tag.id}
            type="button"
            class={`chip${on ? " is-on" : ""}`}
            aria-pressed={on}
            disabled={!on && max !== undefined && value.length >= max}
            onClick={() => onChange(on ? value.filter((v) => v !== id) : [...value, id])}
          >
            {on ? <Icon name="check" size={12} /> : null}
            {tag.name}
          </button>
        );
      })}
    </div>
  );
}
