import { useState } from "preact/hooks";
import { ApiError, isMissingRoute } from "../../api/client";
import {
  createFanTag,
  createMemberTag,
  listFanTags,
  listMemberTags,
  syncFanTags,
} from "../../api/tags";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Icon } from "../../components/Icon";
import { Spinner } from "../../components/Spinner";
import { useAction } from "../../hooks/use-action";
import { useApi } from "../../hooks/use-api";
import { useCan } from "../../hooks/use-role";
import { useT } from "../../i18n";
import { TagChips } from "./TagChips";

function Unavailable({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const t = useT();
  if (isMissingRoute(error)) return <span class="muted small">{t("qrform.tagsUnavailable")}</span>;
  return <ErrorNotice error={error} onRetry={onRetry} />;
}

/** A name field that creates a tag and hands it back, for the tag a campaign needs right now. */
function NewTag<T>({
  create,
  onCreated,
}: {
  create: (name: string) => Promise<T>;
  onCreated: (tag: T) => void;
}) {
  const t = useT();
  const [name, setName] = useState("");
  const { error, run } = useAction();
  const submit = async () => {
    if (!name.trim()) return;
    await run(async () => {
      onCreated(await create(name.trim()));
      setName("");
    });
  };
  return (
    <div class="new-tag">
      <div class="row">
        <input
          class="input input-sm"
          placeholder={t("qrform.newTag")}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              void submit();
            }
          }}
        />
        <button type="button" class="btn btn-sm" onClick={submit} disabled={!name.trim()}>
          <Icon name="plus" size={13} />
          {t("common.create")}
        </button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  );
}

type FanTagPickerProps = { accountId: string; value: number[]; onChange: (v: number[]) => void };

/** WeChat fan tags of the account (synced on demand); at most 20 per fan, so 20 per code. */
export function FanTagPicker({ accountId, value, onChange }: FanTagPickerProps) {
  const t = useT();
  const tags = useApi((signal) => listFanTags(accountId, signal), [accountId]);
  const [syncing, setSyncing] = useState(false);
  // Creating and syncing tags are changes; a viewer only sees which tags are chosen.
  const canWrite = useCan("write");

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
      {canWrite ? (
        <div class="row">
          <NewTag
            create={(name) => createFanTag(accountId, name)}
            onCreated={(tag) => {
              tags.setData((list) => [...(list ?? []), tag]);
              onChange([...value, tag.id]);
            }}
          />
          <button type="button" class="btn btn-sm btn-ghost" onClick={sync} disabled={syncing}>
            <Icon name="refresh" size={13} />
            {t("qrform.syncTags")}
          </button>
        </div>
      ) : null}
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
  const canWrite = useCan("write");
  if (tags.error) return <Unavailable error={tags.error} onRetry={tags.reload} />;
  if (!tags.data) return <Spinner />;
  return (
    <div class="tag-picker">
      <TagChips tags={tags.data} value={value} onChange={onChange} />
      {canWrite ? (
        <NewTag
          create={createMemberTag}
          onCreated={(tag) => {
            tags.setData((list) => [...(list ?? []), tag]);
            onChange([...value, tag.id]);
          }}
        />
      ) : null}
    </div>
  );
}
