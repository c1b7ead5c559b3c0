import { EmptyState } from "../../components/EmptyState";
import { ErrorNotice } from "../../components/ErrorNotice";
import { FanOpenid } from "../../components/FanOpenid";
import { PageHeader } from "../../components/PageHeader";
import { SkeletonRows } from "../../components/Skeleton";
import { useAction } from "../../hooks/use-action";
import { useApi } from "../../hooks/use-api";
import { useFormat } from "../../hooks/use-format";
import { useCan } from "../../hooks/use-role";
import { useT } from "../../i18n";
import { useToast } from "../../state/toasts";
import { ReadOnlyNote } from "../ReadOnlyNote";
import { type Conflict, listConflicts, type Resolution, resolveConflict } from "./contacts-api";

type Brief = Conflict["contact"];

function ContactCell({ contact }: { contact: Brief }) {
  if (!contact) return <span class="muted">—</span>;
  return (
    <a class="table-link" href={`/contacts/${contact.id}`}>
      {contact.name || contact.id}
      <div class="cell-sub mono">{[contact.mobile, contact.email].filter(Boolean).join(" · ")}</div>
    </a>
  );
}

type ConflictRowProps = { c: Conflict; onResolve?: (r: Resolution) => void };

/** One open conflict; without `onResolve` (a viewer) it only shows who and what. */
function ConflictRow({ c, onResolve }: ConflictRowProps) {
  const t = useT();
  const fmt = useFormat();
  const data = c.submission?.data ?? {};
  const offered = ["mobile", "email"]
    .map((k) => data[k])
    .filter((v) => typeof v === "string")
    .join(" · ");
  return (
    <tr data-testid="conflict-row">
      <td class="nowrap muted">{fmt.dateTime(c.createdAt)}</td>
      <td>
        <FanOpenid openid={c.fan.openid} erased={c.fan.erased} />
      </td>
      <td>
        <ContactCell contact={c.contact} />
      </td>
      <td class="mono">{offered || "—"}</td>
      <td>
        <ContactCell contact={c.otherContact} />
      </td>
      <td class="col-actions">
        {onResolve ? (
          <div class="row-actions">
            <button type="button" class="btn btn-sm" onClick={() => onResolve("keep_existing")}>
              {t("conflicts.resolution.keep_existing")}
            </button>
            <button type="button" class="btn btn-sm" onClick={() => onResolve("link_submitted")}>
              {t("conflicts.resolution.link_submitted")}
            </button>
            {c.otherContact ? (
              <button
                type="button"
                class="btn btn-sm btn-primary"
                onClick={() => onResolve("merge_contacts")}
              >
                {t("conflicts.resolution.merge_contacts")}
              </button>
            ) : null}
          </div>
        ) : null}
      </td>
    </tr>
  );
}

/** Fans whose submission named another contact than theirs: an operator decides each one. */
export function ConflictsPage() {
  const t = useT();
  const toast = useToast();
  const list = useApi((signal) => listConflicts({ status: "open", page: 1 }, signal), []);
  const { error, run } = useAction();
  const canResolve = useCan("write");

  const resolve = async (c: Conflict, resolution: Resolution) => {
    await run(async () => {
      await resolveConflict(c.id, resolution);
      toast.show(t("conflicts.resolved"));
      list.reload();
    });
  };

  return (
    <div class="page">
      <PageHeader
        title={t("conflicts.title")}
        subtitle={t("conflicts.subtitle")}
        back={{ href: "/contacts", label: t("contacts.title") }}
        actions={canResolve ? null : <ReadOnlyNote />}
      />
      {error ? <ErrorNotice error={error} /> : null}
      <div class="card card-flush">
        {list.error ? (
          <div class="card-pad">
            <ErrorNotice error={list.error} onRetry={list.reload} />
          </div>
        ) : list.data && list.data.total === 0 ? (
          <EmptyState icon="success" title={t("conflicts.empty")} />
        ) : (
          <div class="table-scroll">
            <table class="table">
              <thead>
                <tr>
                  <th>{t("conflicts.when")}</th>
                  <th>{t("conflicts.fan")}</th>
                  <th>{t("conflicts.linkedContact")}</th>
                  <th>{t("conflicts.submittedKey")}</th>
                  <th>{t("conflicts.otherContact")}</th>
                  <th class="col-actions" />
                </tr>
              </thead>
              <tbody>
                {list.data ? (
                  list.data.conflicts.map((c) => (
                    <ConflictRow
                      key={c.id}
                      c={c}
                      onResolve={canResolve ? (r) => resolve(c, r) : undefined}
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
    </div>
  );
}
