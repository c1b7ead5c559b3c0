import { useState } from "preact/hooks";
import { ApiError, isMissingRoute } from "../../api/client";
import { listFanTags, listMemberTags, syncFanTags } from "../../api/tags";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Icon } from "../../components/Icon";
import { Spinner } from "../../components/Spinner";
import { useApi } from "../../hooks/use-api";
import { useT } from "../../i18n";

type Tag = { id: string | number; name: string };

type ChipsProps<T extends string | number> = {
  tags: Tag[];
  value: T[];
  onChange: (ids: T[]) => void;
  max?: number;
};

function TagChips<T extends string | number>({ tags, value, onChange, max }: ChipsProps<T>) {
  const t = useT();
  if (tags.length === 0) return <span class="muted small">{t("qrform.noTags")}</span>;
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

function Unavailable({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const t = useT();
  if (isMissingRoute(error)) return <span class="muted small">{t("qrform.tagsUnavailable")}</span>;
  return <ErrorNotice error={error} onRetry={onRetry} />;
}

/** WeChat fan tags of the account (synced on demand); at most 20 per fan, so 20 per code. */
export function FanTagPicker({
  accountId,
  value,
  onChange,
}: {
  accountId: string;
  value: number[];
  onChange: (v: number[]) => void;
}) {
  const t = useT();
  const tags = useApi((signal) => listFanTags(accountId, signal), [accountId]);
  const [syncing, setSyncing] = useState(false);

  const sync = async () => {
    setSyncing(true);
    try {
      tags.setData(await syncFanTags(accountId));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
    } finally {
      setSyncing(false);
    }
  };

  if (tags.error) return <Unavailable error={tags.error} onRetry={tags.reload} />;
  if (!tags.data) return <Spinner />;
  return (
    <div class="tag-picker">
      <TagChips tags={tags.data} value={value} onChange={onChange} max={20} />
      <button type="button" class="btn btn-sm btn-ghost" onClick={sync} disabled={syncing}>
        <Icon name="refresh" size={13} />
        {t("qrform.syncTags")}
      </button>
    </div>
  );
}

export function MemberTagPicker({
  value,
  onChange,
}: {
  value: string[];
  onChange: (v: string[]) => void;
}) {
  const tags = useApi((signal) => listMemberTags(signal), []);
  if (tags.error) return <Unavailable error={tags.error} onRetry={tags.reload} />;
  if (!tags.data) return <Spinner />;
  return <TagChips tags={tags.data} value={value} onChange={onChange} />;
}
