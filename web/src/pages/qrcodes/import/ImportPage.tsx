import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { confirmImport, getImport } from "../../../api/imports";
import { getJob } from "../../../api/jobs";
import type { ImportPreview, Job } from "../../../api/types";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { PageHeader } from "../../../components/PageHeader";
import { LoadingBlock } from "../../../components/Spinner";
import { useAction } from "../../../hooks/use-action";
import { useApi } from "../../../hooks/use-api";
import { useFormat } from "../../../hooks/use-format";
import { useT } from "../../../i18n";
import type { AccountPageProps } from "../../AccountScope";
import { writePage } from "../../WriteScope";
import { initialQrValues, NEW_GROUP, needsForm, type QrFormValues } from "../qr-form-state";
import { cleanMessage } from "../reply/reply-rules";
import { useGroups } from "../use-groups";
import { ImportSettings } from "./ImportSettings";
import { isBlocking, PreviewTable } from "./PreviewTable";
import { RunStep } from "./RunStep";
import { Steps } from "./Steps";
import { UploadStep } from "./UploadStep";

/** The upload survives a reload: its id is in the URL, and a confirmed one shows its job. */
async function loadState(accountId: string, importId: string | undefined, signal: AbortSignal) {
  if (!importId) return { preview: null, job: null };
  const preview = await getImport(accountId, importId, signal);
  const job = preview.jobId ? await getJob(preview.jobId, signal) : null;
  return { preview, job };
}

function ImportCodesPage({ account }: AccountPageProps) {
  const t = useT();
  const fmt = useFormat();
  const { path, query, route } = useLocation();
  const base = `/accounts/${account.id}/qrcodes`;
  const state = useApi(
    (signal) => loadState(account.id, query.import, signal),
    [account.id, query.import],
  );
  const groups = useGroups(account.id);
  const [values, setValues] = useState<QrFormValues>(() => initialQrValues());
  const [skip, setSkip] = useState(true);
  const [job, setJob] = useState<Job | null>(null);
  const { busy, error, run } = useAction();

  const preview: ImportPreview | null = state.data?.preview ?? null;
  const runningJob = job ?? state.data?.job ?? null;
  const creatable = preview
    ? preview.rows.filter((r) => (skip ? r.problems.length === 0 : !isBlocking(r))).length
    : 0;
  const showPreview = (p: ImportPreview) => route(`${path}?import=${p.id}`);
  const restart = () => {
    setJob(null);
    route(path);
  };

  const confirm = async () => {
    if (!preview) return;
    await run(async () => {
      const temporary = values.kind === "temporary";
      setJob(
        await confirmImport(account.id, preview.id, {
          kind: values.kind,
          validityDays: temporary ? values.validityDays : undefined,
          autoRenew: temporary && values.autoRenew,
          ...(values.groupId === NEW_GROUP
            ? { newGroupName: values.newGroupName.trim() }
            : { groupId: values.groupId || undefined }),
          fanTagIds: values.fanTagIds,
          memberTagIds: values.memberTagIds,
          reply: values.reply.map(cleanMessage),
          formId: values.formId ?? undefined,
          skipProblemRows: skip,
        }),
      );
      window.scrollTo({ top: 0 });
    });
  };

  const step = runningJob ? 2 : preview ? 1 : 0;
  return (
    <div class="page page-form">
      <PageHeader
        title={t("import.title")}
        subtitle={t("import.subtitle")}
        back={{ href: base, label: t("detail.backToList") }}
      />
      <Steps current={step} />
      {state.error ? <ErrorNotice error={state.error} onRetry={restart} /> : null}
      {state.loading && !state.data ? (
        <LoadingBlock />
      ) : runningJob ? (
        <RunStep job={runningJob} listHref={base} onAnother={restart} />
      ) : preview ? (
        <>
          <PreviewTable preview={preview} />
          <ImportSettings
            account={account}
            groups={groups.data ?? []}
            values={values}
            set={(patch) => setValues((v) => ({ ...v, ...patch }))}
            skipProblemRows={skip}
            setSkip={setSkip}
          />
          {error ? <ErrorNotice error={error} /> : null}
          <div class="form-footer">
            <button type="button" class="btn" onClick={restart}>
              {t("import.another")}
            </button>
            <button
              type="button"
              class="btn btn-primary"
              onClick={confirm}
              disabled={busy || creatable === 0 || needsForm(values)}
              data-testid="import-confirm"
            >
              {t("import.confirm", { count: fmt.number(creatable) })}
            </button>
          </div>
        </>
      ) : (
        <section class="card">
          <UploadStep accountId={account.id} onPreview={showPreview} />
        </section>
      )}
    </div>
  );
}

/** Uploading and creating codes are an operator's; a viewer reads why the page is closed. */
export const ImportPage = writePage(ImportCodesPage);
