import { ErrorNotice } from "../../components/ErrorNotice";
import { Icon } from "../../components/Icon";
import { useAction } from "../../hooks/use-action";
import { useApi } from "../../hooks/use-api";
import { useCan } from "../../hooks/use-role";
import { useT } from "../../i18n";
import {
  addContactTags,
  type ContactDetail,
  listMemberTags,
  removeContactTag,
} from "./contacts-api";

type ContactTagsCardProps = {
  contactId: string;
  tags: ContactDetail["contact"]["tags"];
  onChanged: () => void;
};

/** A contact's member tags; an operator adds and removes them, a viewer reads them. */
export function ContactTagsCard({ contactId, tags, onChanged }: ContactTagsCardProps) {
  const t = useT();
  const canWrite = useCan("write");
  const all = useApi((signal) => listMemberTags(signal), []);
  const { error, run } = useAction();
  const has = new Set(tags.map((tag) => tag.id));

  const change = (request: () => Promise<unknown>) =>
    run(async () => {
      await request();
      onChanged();
    });

  return (
    <section class="card card-pad" data-testid="contact-tags">
      <h2 class="card-title">{t("contacts.memberTags")}</h2>
      <div class="chips">
        {tags.length === 0 ? <span class="muted small">{t("contacts.noTags")}</span> : null}
        {tags.map((tag) => (
          <span class="chip chip-static" key={tag.id}>
            {tag.name}
            {canWrite ? (
              <button
                type="button"
                class="icon-btn icon-btn-xs"
                aria-label={t("contacts.removeTag", { name: tag.name })}
                onClick={() => change(() => removeContactTag(contactId, tag.id))}
              >
                <Icon name="x" size={11} />
              </button>
            ) : null}
          </span>
        ))}
      </div>
      {canWrite ? (
        <select
          class="select select-sm"
          aria-label={t("contacts.addTag")}
          value=""
          onChange={(e) => {
            const id = e.currentTarget.value;
            if (id) change(() => addContactTags(contactId, [id]));
          }}
        >
          <option value="">{t("contacts.addTag")}</option>
          {(all.data ?? [])
            .filter((tag) => !has.has(tag.id))
            .map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.name}
              </option>
            ))}
        </select>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
