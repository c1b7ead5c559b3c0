import { useState } from "preact/hooks";
import { EmptyState } from "../../components/EmptyState";
import { ErrorNotice } from "../../components/ErrorNotice";
import { PageHeader } from "../../components/PageHeader";
import { Pagination } from "../../components/Pagination";
import { SkeletonRows } from "../../components/Skeleton";
import { useApi } from "../../hooks/use-api";
import { useFormat } from "../../hooks/use-format";
import { type MessageKey, useT } from "../../i18n";
import type { AccountPageProps } from "../AccountScope";
import { type FormField, getForm, listSubmissions, type Submission } from "./forms-api";

function showValue(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.join("、");
  if (value === true) return "✓";
  return String(value);
}

const OUTCOME_TONE: Record<Submission["outcome"], string> = {
  created: "badge-success",
  matched: "badge-info",
  conflict: "badge-warning",
  anonymous: "",
};

function SubmissionRow({ s, fields }: { s: Submission; fields: FormField[] }) {
  const t = useT();
  const fmt = useFormat();
  return (
    <tr data-testid="submission-row">
      <td class="nowrap muted">{fmt.dateTime(s.createdAt)}</td>
      {fields.map((f) => (
        <td key={f.id}>{showValue(s.data[f.id])}</td>
      ))}
      <td>
        <span class={`badge ${OUTCOME_TONE[s.outcome]}`}>
          {t(`forms.outcome.${s.outcome}` as MessageKey)}
        </span>
      </td>
      <td>
        {s.contactId ? (
          <a class="table-link" href={`/contacts/${s.contactId}`}>
            {t("forms.viewContact")}
          </a>
        ) : null}
      </td>
    </tr>
  );
}

/** A form's submissions as stored, one column per field. */
export function FormSubmissionsPage({ account, params }: AccountPageProps) {
  const t = useT();
  const formId = params.formId ?? "";
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const form = useApi((signal) => getForm(account.id, formId, signal), [account.id, formId]);
  const list = useApi(
    (signal) => listSubmissions(account.id, formId, { page, pageSize }, signal),
    [account.id, formId, page, pageSize],
  );
  const fields = form.data?.fields ?? [];
  const base = `/accounts/${account.id}/forms`;
  const error = form.error ?? list.error;

  return (
    <div class="page">
      <PageHeader
        title={t("forms.submissionsOf", { name: form.data?.name ?? "…" })}
        back={{ href: `${base}/${formId}/edit`, label: form.data?.name ?? t("forms.title") }}
      />
      <div class="card card-flush">
        {error ? (
          <div class="card-pad">
            <ErrorNotice error={error} onRetry={list.reload} />
          </div>
        ) : list.data && list.data.total === 0 ? (
          <EmptyState icon="file" title={t("forms.noSubmissions")} />
        ) : (
          <>
            <div class="table-scroll">
              <table class="table">
                <thead>
                  <tr>
                    <th>{t("forms.submittedAt")}</th>
                    {fields.map((f) => (
                      <th key={f.id}>{f.label}</th>
                    ))}
                    <th>{t("forms.outcome")}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {list.data ? (
                    list.data.submissions.map((s) => (
                      <SubmissionRow key={s.id} s={s} fields={fields} />
                    ))
                  ) : (
                    <SkeletonRows columns={fields.length + 3} />
                  )}
                </tbody>
              </table>
            </div>
            <Pagination
              page={page}
              pageSize={pageSize}
              total={list.data?.total ?? 0}
              onPage={setPage}
              onPageSize={(size) => {
                setPageSize(size);
                setPage(1);
              }}
            />
          </>
        )}
      </div>
    </div>
  );
}
