import { useState } from "preact/hooks";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { CopyButton } from "../../components/CopyButton";
import { EmptyState } from "../../components/EmptyState";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Icon } from "../../components/Icon";
import { PageHeader } from "../../components/PageHeader";
import { SkeletonRows } from "../../components/Skeleton";
import { useApi } from "../../hooks/use-api";
import { useFormat } from "../../hooks/use-format";
import { useCan } from "../../hooks/use-role";
import { useT } from "../../i18n";
import { useToast } from "../../state/toasts";
import type { AccountPageProps } from "../AccountScope";
import { ReadOnlyNote } from "../ReadOnlyNote";
import { deleteForm, type Form, formPageUrl, listForms } from "./forms-api";

type FormRowProps = { form: Form; base: string; onDelete?: () => void };

/** One form; without `onDelete` (a viewer) the row only opens, copies and reads. */
function FormRow({ form, base, onDelete }: FormRowProps) {
  const t = useT();
  const fmt = useFormat();
  return (
    <tr data-testid="form-row">
      <td>
        <a class="table-link strong" href={`${base}/${form.id}/edit`}>
          {form.name}
        </a>
        <div class="cell-sub">{t("forms.fieldCount", { n: form.fields.length })}</div>
      </td>
      <td>{t(`forms.type.${form.keyField}`)}</td>
      <td class="num">{fmt.number(form.views)}</td>
      <td class="num">
        <a class="table-link" href={`${base}/${form.id}/submissions`}>
          {fmt.number(form.submissions)}
        </a>
      </td>
      <td>
        {form.status === "active" ? (
          <span class="badge badge-success">{t("forms.status.active")}</span>
        ) : (
          <span class="badge">{t("forms.status.archived")}</span>
        )}
        {form.allowAnonymous ? (
          <span class="badge badge-info">{t("forms.anonymousBadge")}</span>
        ) : null}
      </td>
      <td class="col-actions">
        <div class="row-actions">
          <CopyButton value={formPageUrl(form)} label={t("forms.copyLink")} />
          <a class="btn btn-sm btn-ghost" href={form.pagePath} target="_blank" rel="noreferrer">
            <Icon name="external" size={13} />
            {t("forms.openPage")}
          </a>
          {onDelete ? (
            <>
              <a class="btn btn-sm btn-ghost" href={`${base}/${form.id}/edit`}>
                <Icon name="edit" size={13} />
                {t("common.edit")}
              </a>
              <button type="button" class="btn btn-sm btn-ghost-danger" onClick={onDelete}>
                <Icon name="trash" size={13} />
                {t("common.delete")}
              </button>
            </>
          ) : (
            <a class="btn btn-sm btn-ghost" href={`${base}/${form.id}/edit`}>
              <Icon name="file" size={13} />
              {t("roles.viewSettings")}
            </a>
          )}
        </div>
      </td>
    </tr>
  );
}

export function FormListPage({ account }: AccountPageProps) {
  const t = useT();
  const toast = useToast();
  const list = useApi((signal) => listForms(account.id, signal), [account.id]);
  const [deleting, setDeleting] = useState<Form | null>(null);
  const base = `/accounts/${account.id}/forms`;
  const forms = list.data;
  const canWrite = useCan("write");

  return (
    <div class="page">
      <PageHeader
        title={t("forms.title")}
        subtitle={t("forms.subtitle")}
        actions={
          canWrite ? (
            <a class="btn btn-primary" href={`${base}/new`}>
              <Icon name="plus" size={15} />
              {t("forms.new")}
            </a>
          ) : (
            <ReadOnlyNote />
          )
        }
      />
      <div class="card card-flush">
        {list.error ? (
          <div class="card-pad">
            <ErrorNotice error={list.error} onRetry={list.reload} />
          </div>
        ) : forms && forms.length === 0 ? (
          canWrite ? (
            <EmptyState icon="file" title={t("forms.empty")} body={t("forms.emptyBody")}>
              <a class="btn btn-primary" href={`${base}/new`}>
                {t("forms.new")}
              </a>
            </EmptyState>
          ) : (
            <EmptyState icon="file" title={t("forms.empty")} body={t("roles.formsEmptyBody")} />
          )
        ) : (
          <div class="table-scroll">
            <table class="table">
              <thead>
                <tr>
                  <th>{t("forms.name")}</th>
                  <th>{t("forms.keyField")}</th>
                  <th class="num">{t("forms.views")}</th>
                  <th class="num">{t("forms.submissions")}</th>
                  <th>{t("forms.statusHead")}</th>
                  <th class="col-actions" />
                </tr>
              </thead>
              <tbody>
                {forms ? (
                  forms.map((f) => (
                    <FormRow
                      key={f.id}
                      form={f}
                      base={base}
                      onDelete={canWrite ? () => setDeleting(f) : undefined}
                    />
                  ))
                ) : (
                  <SkeletonRows columns={6} />
                )}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {deleting ? (
        <ConfirmDialog
          title={t("forms.deleteTitle")}
          body={t("forms.deleteBody", { name: deleting.name })}
          confirmLabel={t("common.delete")}
          danger
          onConfirm={async () => {
            await deleteForm(account.id, deleting.id);
            toast.show(t("forms.deleted"));
            list.reload();
          }}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </div>
  );
}
