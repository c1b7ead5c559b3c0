import { useState } from "preact/hooks";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Field } from "../../components/Field";
import { Modal } from "../../components/Modal";
import { useAction } from "../../hooks/use-action";
import { useT } from "../../i18n";
import { type ContactDetail, updateContact } from "./contacts-api";

type EditContactDialogProps = {
  contact: ContactDetail["contact"];
  onSaved: (detail: ContactDetail) => void;
  onClose: () => void;
};

/** A manual edit; the server records it, before and after, in the contact's history. */
export function EditContactDialog({ contact, onSaved, onClose }: EditContactDialogProps) {
  const t = useT();
  const [name, setName] = useState(contact.name);
  const [mobile, setMobile] = useState(contact.mobile ?? "");
  const [email, setEmail] = useState(contact.email ?? "");
  const { busy, error, run } = useAction();

  const save = async (e: Event) => {
    e.preventDefault();
    await run(async () => {
      onSaved(
        await updateContact(contact.id, {
          name,
          mobile: mobile.trim() || null,
          email: email.trim() || null,
        }),
      );
      onClose();
    });
  };

  return (
    <Modal
      title={t("contacts.edit")}
      onClose={onClose}
      footer={
        <>
          <button type="button" class="btn" onClick={onClose} disabled={busy}>
            {t("common.cancel")}
          </button>
          <button type="submit" form="contact-edit" class="btn btn-primary" disabled={busy}>
            {busy ? t("common.saving") : t("common.save")}
          </button>
        </>
      }
    >
      <form id="contact-edit" class="stack" onSubmit={save}>
        <Field label={t("contacts.name")} htmlFor="contact-name">
          <input
            id="contact-name"
            class="input"
            maxLength={100}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </Field>
        <Field
          label={t("contacts.mobile")}
          htmlFor="contact-mobile"
          hint={t("contacts.mobileHint")}
        >
          <input
            id="contact-mobile"
            class="input"
            type="tel"
            value={mobile}
            onInput={(e) => setMobile(e.currentTarget.value)}
          />
        </Field>
        <Field label={t("contacts.email")} htmlFor="contact-email">
          <input
            id="contact-email"
            class="input"
            type="email"
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </Field>
        {error ? <ErrorNotice error={error} /> : null}
      </form>
    </Modal>
  );
}
