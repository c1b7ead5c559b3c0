import { useState } from "preact/hooks";
import { eraseContact } from "../../api/erasure";
import { ErasePersonalDataDialog } from "../../components/ErasePersonalDataDialog";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Icon } from "../../components/Icon";
import { PageHeader } from "../../components/PageHeader";
import { LoadingBlock } from "../../components/Spinner";
import { useApi } from "../../hooks/use-api";
import { useFormat } from "../../hooks/use-format";
import { useCan, useRoleAtLeast } from "../../hooks/use-role";
import { useT } from "../../i18n";
import { useToast } from "../../state/toasts";
import { ReadOnlyNote } from "../ReadOnlyNote";
import { ContactScans, ContactSubmissions, LinkedFans } from "./ContactActivity";
import { ContactHistory } from "./ContactHistory";
import { ContactTagsCard } from "./ContactTagsCard";
import { getContact, listMemberTags } from "./contacts-api";
import { EditContactDialog } from "./EditContactDialog";

const show = (v: unknown) => (Array.isArray(v) ? v.join("、") : v === true ? "✓" : String(v));

/** A contact's page: who they are, their fans, scans, submissions, tags and history. */
export function ContactDetailPage({ params }: { params: Record<string, string> }) {
  const t = useT();
  const fmt = useFormat();
  const id = params.contactId ?? "";
  const state = useApi((signal) => getContact(id, signal), [id]);
  const tags = useApi((signal) => listMemberTags(signal), []);
  const [editing, setEditing] = useState(false);
  const [erasing, setErasing] = useState(false);
  const canErase = useRoleAtLeast("admin");
  const canEdit = useCan("write");
  const toast = useToast();
  const detail = state.data;

  if (state.error)
    return <ErrorNotice error={state.error} onRetry={state.reload} variant="block" />;
  if (!detail) return <LoadingBlock />;
  const c = detail.contact;
  const tagName = (tagId: string) => tags.data?.find((tag) => tag.id === tagId)?.name ?? tagId;
  const facts: [string, string][] = [
    [t("contacts.mobile"), c.mobile ?? "—"],
    [t("contacts.email"), c.email ?? "—"],
    [t("contacts.createdAt"), fmt.dateTime(c.createdAt)],
    ...Object.entries(c.fields).map(([k, v]): [string, string] => [
      detail.fieldLabels[k] ?? k,
      show(v),
    ]),
  ];

  return (
    <div class="page">
      <PageHeader
        title={c.erasedAt ? t("erase.erasedContact") : c.name || c.mobile || c.email || c.id}
        back={{ href: "/contacts", label: t("contacts.title") }}
        actions={
          c.erasedAt ? null : (
            <>
              {canErase ? (
                <button
                  type="button"
                  class="btn btn-danger-outline"
                  onClick={() => setErasing(true)}
                >
                  <Icon name="eraser" size={15} />
                  {t("erase.action")}
                </button>
              ) : null}
              {canEdit ? (
                <button type="button" class="btn" onClick={() => setEditing(true)}>
                  <Icon name="edit" size={15} />
                  {t("common.edit")}
                </button>
              ) : (
                <ReadOnlyNote />
              )}
            </>
          )
        }
      />
      {c.erasedAt ? (
        <div class="notice notice-neutral" data-testid="contact-erased">
          <Icon name="eraser" size={15} />
          {t("erase.contactErasedAt", { when: fmt.dateTime(c.erasedAt) })}
        </div>
      ) : null}
      {detail.openConflictIds.length ? (
        <div class="notice notice-warning">
          {t("contacts.hasConflicts")} <a href="/contacts/conflicts">{t("contacts.conflicts")}</a>
        </div>
      ) : null}
      <div class="split">
        <div class="split-main">
          <section class="card card-pad" data-testid="contact-info">
            <dl class="facts">
              {facts.map(([label, value]) => (
                <div class="fact" key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </section>
          <LinkedFans fans={detail.fans} />
          <ContactSubmissions submissions={detail.submissions} />
          <ContactScans scans={detail.scans} />
        </div>
        <div class="split-side">
          {c.erasedAt ? null : (
            <ContactTagsCard contactId={c.id} tags={c.tags} onChanged={state.reload} />
          )}
          <ContactHistory events={detail.events} tagName={tagName} />
        </div>
      </div>
      {editing ? (
        <EditContactDialog
          contact={c}
          onSaved={(next) => state.setData(next)}
          onClose={() => setEditing(false)}
        />
      ) : null}
      {erasing ? (
        <ErasePersonalDataDialog
          subject="contact"
          label={c.name || c.mobile || c.email || c.id}
          onClose={() => setErasing(false)}
          onErase={async () => {
            await eraseContact(c.id);
            toast.show(t("erase.contactDone"));
            state.reload();
          }}
        />
      ) : null}
    </div>
  );
}
