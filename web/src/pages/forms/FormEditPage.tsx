import { CopyField } from "../../components/CopyField";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Icon } from "../../components/Icon";
import { PageHeader } from "../../components/PageHeader";
import { LoadingBlock } from "../../components/Spinner";
import { useApi } from "../../hooks/use-api";
import { useCan } from "../../hooks/use-role";
import { useT } from "../../i18n";
import { useToast } from "../../state/toasts";
import type { AccountPageProps } from "../AccountScope";
import { FormBuilder } from "./FormBuilder";
import { draftFromForm, draftToBody } from "./form-draft";
import { formPageUrl, getForm, updateForm } from "./forms-api";

/** Edits a form; a viewer reads the same settings with every control disabled. */
export function FormEditPage({ account, params }: AccountPageProps) {
  const t = useT();
  const readOnly = !useCan("write");
  const toast = useToast();
  const formId = params.formId ?? "";
  const base = `/accounts/${account.id}/forms`;
  const state = useApi((signal) => getForm(account.id, formId, signal), [account.id, formId]);
  const form = state.data;

  if (state.error)
    return <ErrorNotice error={state.error} onRetry={state.reload} variant="block" />;
  if (!form) return <LoadingBlock />;
  return (
    <div class="page">
      <PageHeader
        title={form.name}
        subtitle={t("forms.editSubtitle", { views: form.views, submissions: form.submissions })}
        back={{ href: base, label: t("forms.title") }}
        actions={
          <a class="btn" href={`${base}/${form.id}/submissions`}>
            <Icon name="file" size={15} />
            {t("forms.submissions")}
          </a>
        }
      />
      {readOnly ? (
        <div class="notice notice-neutral" data-testid="read-only-notice">
          <Icon name="lock" size={15} />
          {t("roles.formReadOnly")}
        </div>
      ) : null}
      <section class="card card-pad">
        <CopyField
          label={t("forms.pageLink")}
          value={formPageUrl(form)}
          hint={t("forms.pageLinkHint")}
        />
      </section>
      <FormBuilder
        key={form.updatedAt}
        initial={draftFromForm(form)}
        readOnly={readOnly}
        submitLabel={t("common.save")}
        cancelHref={base}
        onSubmit={async (draft) => {
          state.setData(await updateForm(account.id, form.id, draftToBody(draft)));
          toast.show(t("forms.saved"));
        }}
      />
    </div>
  );
}
