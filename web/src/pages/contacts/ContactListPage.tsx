import { useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import type { Job } from "../../api/types";
import { EmptyState } from "../../components/EmptyState";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Icon } from "../../components/Icon";
import { JobWatch } from "../../components/JobWatch";
import { Modal } from "../../components/Modal";
import { PageHeader } from "../../components/PageHeader";
import { Pagination } from "../../components/Pagination";
import { SkeletonRows } from "../../components/Skeleton";
import { useApi } from "../../hooks/use-api";
import { useFormat } from "../../hooks/use-format";
import { useCan } from "../../hooks/use-role";
import { useT } from "../../i18n";
import { ReadOnlyNote } from "../ReadOnlyNote";
import { ContactFilters } from "./ContactFilters";
import { type ContactSummary, exportContacts, listContacts } from "./contacts-api";
import { useContactQuery } from "./use-contact-query";

const PAGE_SIZE = 50;

function ContactRow({ c }: { c: ContactSummary }) {
  const fmt = useFormat();
  return (
    <tr data-testid="contact-row">
      <td>
        <a class="table-link strong" href={`/contacts/${c.id}`}>
          {c.name || "—"}
        </a>
      </td>
      <td class="mono">{c.mobile ?? ""}</td>
      <td>{c.email ?? ""}</td>
      <td>
        <div class="chips chips-sm">
          {c.tags.map((tag) => (
            <span class="chip chip-static" key={tag.id}>
              {tag.name}
            </span>
          ))}
        </div>
      </td>
      <td class="num">{fmt.number(c.fanCount)}</td>
      <td class="muted nowrap">{fmt.dateTime(c.updatedAt)}</td>
    </tr>
  );
}

/** Contacts across the accounts the user may see: search, filters, and the Excel export. */
export function ContactListPage() {
  const t = useT();
  const [query, update] = useContactQuery();
  const [job, setJob] = useState<Job | null>(null);
  const [exportError, setExportError] = useState<ApiError | null>(null);
  // The export is a job-creating POST the server gives operators and up only.
  const canExport = useCan("write");
  const list = useApi(
    (signal) => listContacts({ ...query, pageSize: PAGE_SIZE }, signal),
    [query.q, query.memberTagId, query.qrcodeId, query.page],
  );

  const startExport = async () => {
    setExportError(null);
    try {
      const { q, memberTagId, qrcodeId } = query;
      setJob(
        await exportContacts({
          q: q || undefined,
          memberTagId: memberTagId || undefined,
          qrcodeId: qrcodeId || undefined,
        }),
      );
    } catch (err) {
      if (err instanceof ApiError) setExportError(err);
      else throw err;
    }
  };

  return (
    <div class="page">
      <PageHeader
        title={t("contacts.title")}
        subtitle={t("contacts.subtitle")}
        actions={
          <>
            <a class="btn" href="/contacts/conflicts">
              <Icon name="alert" size={15} />
              {t("contacts.conflicts")}
            </a>
            <a class="btn" href="/member-tags">
              <Icon name="tag" size={15} />
              {t("contacts.memberTags")}
            </a>
            {canExport ? (
              <button type="button" class="btn btn-primary" onClick={startExport}>
                <Icon name="download" size={15} />
                {t("contacts.export")}
              </button>
            ) : (
              <ReadOnlyNote />
            )}
          </>
        }
      />
      <div class="card card-flush">
        <ContactFilters query={query} update={update} />
        {list.error ? (
          <div class="card-pad">
            <ErrorNotice error={list.error} onRetry={list.reload} />
          </div>
        ) : list.data && list.data.total === 0 ? (
          <EmptyState icon="users" title={t("contacts.empty")} body={t("contacts.emptyBody")} />
        ) : (
          <>
            <div class="table-scroll">
              <table class="table">
                <thead>
                  <tr>
                    <th>{t("contacts.name")}</th>
                    <th>{t("contacts.mobile")}</th>
                    <th>{t("contacts.email")}</th>
                    <th>{t("contacts.memberTags")}</th>
                    <th class="num">{t("contacts.fans")}</th>
                    <th>{t("contacts.updatedAt")}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data ? (
                    list.data.contacts.map((c) => <ContactRow key={c.id} c={c} />)
                  ) : (
                    <SkeletonRows columns={6} />
                  )}
                </tbody>
              </table>
            </div>
            <Pagination
              page={query.page}
              pageSize={PAGE_SIZE}
              total={list.data?.total ?? 0}
              onPage={(page) => update({ page })}
            />
          </>
        )}
      </div>
      {job || exportError ? (
        <Modal
          title={t("contacts.export")}
          onClose={() => {
            setJob(null);
            setExportError(null);
          }}
        >
          {job ? <JobWatch job={job} /> : null}
          {exportError ? <ErrorNotice error={exportError} /> : null}
        </Modal>
      ) : null}
    </div>
  );
}
