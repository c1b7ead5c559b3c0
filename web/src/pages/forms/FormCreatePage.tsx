import { useMemo } from "preact/hooks";
import { useLocation } from "preact-iso";
import { PageHeader } from "../../components/PageHeader";
import { useT } from "../../i18n";
import { useToast } from "../../state/toasts";
import type { AccountPageProps } from "../AccountScope";
import { writePage } from "../WriteScope";
import { FormBuilder } from "./FormBuilder";
import { draftToBody, emptyDraft } from "./form-draft";
import { createForm } from "./forms-api";

function CreateFormPage({ account }: AccountPageProps) {
  const t = useT();
  const toast = useToast();
  const { route } = useLocation();
  const base = `/accounts/${account.id}/forms`;
  const initial = useMemo(
    () =>
      emptyDraft({ name: t("forms.defaultLabel.name"), mobile: t("forms.defaultLabel.mobile") }),
    [t],
  );

  return (
    <div class="page">
      <PageHeader title={t("forms.new")} back={{ href: base, label: t("forms.title") }} />
      <FormBuilder
        initial={initial}
        submitLabel={t("common.create")}
        cancelHref={base}
        onSubmit={async (draft) => {
          const form = await createForm(account.id, draftToBody(draft));
          toast.show(t("forms.created"));
          route(`${base}/${form.id}/edit`);
        }}
      />
    </div>
  );
}

/** Creating is an operator's: a viewer who follows a shared link reads why it is closed. */
export const FormCreatePage = writePage(CreateFormPage);
