import { useState } from "preact/hooks";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Icon } from "../../components/Icon";
import { PageHeader } from "../../components/PageHeader";
import { SkeletonRows } from "../../components/Skeleton";
import { useAction } from "../../hooks/use-action";
import { useApi } from "../../hooks/use-api";
import { useCan } from "../../hooks/use-role";
import { useT } from "../../i18n";
import { ReadOnlyNote } from "../ReadOnlyNote";
import { createMemberTag, deleteMemberTag, listMemberTags, type MemberTag } from "./contacts-api";
import { MergeTagDialog, RenameTagDialog } from "./MemberTagDialogs";
import { MemberTagRow } from "./MemberTagRow";

type Dialog = { kind: "rename" | "merge" | "delete"; tag: MemberTag } | null;

/** The CRM's member tags with their counts: operators create them, admins rename, merge and delete. */
export function MemberTagsPage() {
  const t = useT();
  // Anyone at operator may create a tag; renaming, merging and deleting reach every account.
  const canCreate = useCan("write");
  const canManage = useCan("admin");
  const list = useApi((signal) => listMemberTags(signal), []);
  const [name, setName] = useState("");
  const { error, run } = useAction();
  const [dialog, setDialog] = useState<Dialog>(null);
  const tags = list.data;

  const create = async (e: Event) => {
    e.preventDefault();
    await run(async () => {
      await createMemberTag(name.trim());
      setName("");
      list.reload();
    });
  };

  return (
    <div class="page">
      <PageHeader
        title={t("mtags.title")}
        subtitle={t("mtags.subtitle")}
        back={{ href: "/contacts", label: t("contacts.title") }}
        actions={
          canManage ? null : canCreate ? (
            <ReadOnlyNote label="roles.adminActions" hint="roles.mtagsAdminHint" />
          ) : (
            <ReadOnlyNote />
          )
        }
      />
      {canCreate ? (
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
      ) : null}
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
                {canManage ? <th class="col-actions" /> : null}
              </tr>
            </thead>
            <tbody>
              {tags ? (
                tags.map((tag) => (
                  <MemberTagRow
                    key={tag.id}
                    tag={tag}
                    canMerge={tags.length > 1}
                    onManage={canManage ? (kind) => setDialog({ kind, tag }) : undefined}
                  />
                ))
              ) : (
                <SkeletonRows columns={canManage ? 4 : 3} />
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
