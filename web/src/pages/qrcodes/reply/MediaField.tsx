import { useState } from "preact/hooks";
import { isMissingRoute } from "../../../api/client";
import { uploadMedia } from "../../../api/media";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { Icon } from "../../../components/Icon";
import { useAction } from "../../../hooks/use-action";
import { useT } from "../../../i18n";

const ACCEPT: Record<string, string> = {
  image: "image/png,image/jpeg,image/gif",
  thumb: "image/png,image/jpeg",
  voice: "audio/amr,audio/mpeg,audio/mp3",
  video: "video/mp4",
};

type MediaFieldProps = {
  accountId: string;
  kind: "image" | "voice" | "video" | "thumb";
  value: string;
  onChange: (mediaId: string) => void;
};

/** Uploads a file for a reply and keeps the product's media id (`med_…`). */
export function MediaField({ accountId, kind, value, onChange }: MediaFieldProps) {
  const t = useT();
  const { busy, error, run } = useAction();
  const [name, setName] = useState<string | null>(null);

  const pick = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    await run(async () => {
      const media = await uploadMedia(accountId, file, kind);
      setName(media.fileName ?? file.name);
      onChange(media.id);
    });
  };

  return (
    <div class="media-field">
      <div class="row">
        <label class={`btn btn-sm${busy ? " is-busy" : ""}`}>
          <Icon name="upload" size={14} />
          {busy ? t("reply.uploading") : t("reply.upload")}
          <input
            type="file"
            class="visually-hidden"
            accept={ACCEPT[kind]}
            onChange={pick}
            disabled={busy}
          />
        </label>
        {value ? (
          <span class="media-chip">
            <Icon name="file" size={13} />
            {name ?? <span class="mono">{value}</span>}
          </span>
        ) : null}
      </div>
      {error && isMissingRoute(error) ? (
        <div class="field-hint">{t("reply.mediaUnavailable")}</div>
      ) : error ? (
        <ErrorNotice error={error} />
      ) : null}
    </div>
  );
}
