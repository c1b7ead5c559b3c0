import { useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Icon } from "../../components/Icon";
import { PageHeader } from "../../components/PageHeader";
import { SkeletonRows } from "../../components/Skeleton";
import { useApi } from "../../hooks/use-api";
import { useFormat } from "../../hooks/use-format";
import { useT } from "../../i18n";
import { createMemberTag, deleteMemberTag, listMemberTags, type MemberTag } from "./contacts-api";
import { MergeTagDialog, RenameTagDialog } from "./MemberTagDialogs";

type Dialog = { kind: "rename" | "merge" | "delete"; tag: MemberTag } | null;

/** The CRM's member tags with their counts: create, rename, merge and delete. */
export function MemberTagsPage() {
  const t = useT();
  const fmt = useFormat();
  const list = useApi((signal) => listMemberTags(signal), []);
  const [name, setName] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const tags = list.data;

  const create = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await createMemberTag(name.trim());
      setName("");
      list.reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  };

  return (
    <div class="page">
      <PageHeader
        title={t("mtags.title")}
        subtitle={t("mtags.subtitle")}
        back={{ href: "/contacts", label: t("contacts.title") }}
      />
      <form class="card card-pad toolbar" onSubmit={create} name="member-tag-create">
        <input
          class="input"
          maxLength={50}
          required
          placeholder={t("mtags.newPlaceholder")}
          aria-label={t("mtags.name")}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <button type="submit" class="btn btn-primary">
          <Icon name="plus" size={14} />
          {t("mtags.create")}
        </button>
      </form>
      {error ? <ErrorNotice error={error} /> : null}
      <div class="card card-flush">
        {list.error ? (
          <div class="card-pad">
            <ErrorNotice error={list.error} onRetry={list.reload} />
          </div>
        ) : tags && tags.length === 0 ? (
          <EmptyState icon="tag" title={t("mtags.empty")} />
        ) : (
          <table class="table">
            <thead>
              <tr>
                <th>{t("mtags.name")}</th>
                <th class="num">{t("mtags.contacts")}</th>
                <th class="num">{t("mtags.pending")}</th>
                <th class="col-actions" />
              </tr>
            </thead>
            <tbody>
              {tags ? (
                tags.map((tag) => (
                  <tr key={tag.id} data-testid="member-tag-row">
                    <td class="strong">{tag.name}</td>
                    <td class="num">
                      <a class="table-link" href={`/contacts?memberTagId=${tag.id}`}>
                        {fmt.number(tag.contactCount)}
                      </a>
                    </td>
                    <td class="num muted">{fmt.number(tag.pendingFanCount)}</td>
                    <td class="col-actions">
                      <div class="row-actions">
                        <button
                          type="button"
                          class="btn btn-sm btn-ghost"
                          onClick={() => setDialog({ kind: "rename", tag })}
                        >
                          {t("mtags.rename")}
                        </button>
                        <button
                          type="button"
                          class="btn btn-sm btn-ghost"
                          disabled={tags.length < 2}
                          onClick={() => setDialog({ kind: "merge", tag })}
                        >
                          {t("mtags.merge")}
                        </button>
                        <button
                          type="button"
                          class="btn btn-sm btn-ghost-danger"
                          onClick={() => setDialog({ kind: "delete", tag })}
                        >
                          {t("common.delete")}
                        </button>
                      </div>
                    </td>
                  </tr>
                ))
              ) : (
                <SkeletonRows columns={4} />
              )}
            </tbody>
          </table>
        )}
      </div>
      {dialog?.kind === "rename" ? (
        <RenameTagDialog tag={dialog.tag} onDone={list.reload} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === "merge" ? (
        <MergeTagDialog
          tag={dialog.tag}
          tags={tags ?? []}
          onDone={list.reload}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === "delete" ? (
        <ConfirmDialog
          title={t("mtags.deleteTitle")}
          body={t("mtags.deleteBody", { name: dialog.tag.name, n: dialog.tag.contactCount })}
          confirmLabel={t("common.delete")}
          danger
          onConfirm={async () => {
            await deleteMemberTag(dialog.tag.id);
            list.reload();
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}
