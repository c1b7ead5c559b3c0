import { useState } from "preact/hooks";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Field } from "../../components/Field";
import { Modal } from "../../components/Modal";
import { useAction } from "../../hooks/use-action";
import { useT } from "../../i18n";
import { type MemberTag, mergeMemberTag, renameMemberTag } from "./contacts-api";

type DialogProps = { tag: MemberTag; onDone: () => void; onClose: () => void };

function useSubmit(request: () => Promise<unknown>, onDone: () => void, onClose: () => void) {
  const { busy, error, run } = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    await run(async () => {
      await request();
      onDone();
      onClose();
    });
  };
  return { busy, error, submit };
}

function Footer({
  busy,
  form,
  label,
  onClose,
}: {
  busy: boolean;
  form: string;
  label: string;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <>
      <button type="button" class="btn" onClick={onClose} disabled={busy}>
        {t("common.cancel")}
      </button>
      <button type="submit" form={form} class="btn btn-primary" disabled={busy}>
        {label}
      </button>
    </>
  );
}

export function RenameTagDialog({ tag, onDone, onClose }: DialogProps) {
  const t = useT();
  const [name, setName] = useState(tag.name);
  const { busy, error, submit } = useSubmit(() => renameMemberTag(tag.id, name), onDone, onClose);
  return (
    <Modal
      title={t("mtags.rename")}
      onClose={onClose}
      size="sm"
      footer={<Footer busy={busy} form="tag-rename" label={t("common.save")} onClose={onClose} />}
    >
      <form id="tag-rename" onSubmit={submit} class="stack">
        <Field label={t("mtags.name")} htmlFor="tag-rename-name">
          <input
            id="tag-rename-name"
            class="input"
            maxLength={50}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </Field>
        {error ? <ErrorNotice error={error} /> : null}
      </form>
    </Modal>
  );
}

export function MergeTagDialog({
  tag,
  tags,
  onDone,
  onClose,
}: DialogProps & { tags: MemberTag[] }) {
  const t = useT();
  const others = tags.filter((x) => x.id !== tag.id);
  const [into, setInto] = useState(others[0]?.id ?? "");
  const { busy, error, submit } = useSubmit(() => mergeMemberTag(tag.id, into), onDone, onClose);
  return (
    <Modal
      title={t("mtags.merge")}
      onClose={onClose}
      size="sm"
      footer={<Footer busy={busy} form="tag-merge" label={t("mtags.merge")} onClose={onClose} />}
    >
      <form id="tag-merge" onSubmit={submit} class="stack">
        <p class="muted">{t("mtags.mergeHint", { name: tag.name, n: tag.contactCount })}</p>
        <Field label={t("mtags.mergeInto")} htmlFor="tag-merge-into">
          <select
            id="tag-merge-into"
            class="select"
            value={into}
            onChange={(e) => setInto(e.currentTarget.value)}
          >
            {others.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </Field>
        {error ? <ErrorNotice error={error} /> : null}
      </form>
    </Modal>
  );
}
