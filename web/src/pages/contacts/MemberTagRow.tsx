import { useFormat } from "../../hooks/use-format";
import { useT } from "../../i18n";
import type { MemberTag } from "./contacts-api";

type MemberTagRowProps = {
  tag: MemberTag;
  /** Merging needs another tag to merge into. */
  canMerge: boolean;
  /** Left out for a role below admin: tags are global, so the server keeps these to admins. */
  onManage?: (kind: "rename" | "merge" | "delete") => void;
};

export function MemberTagRow({ tag, canMerge, onManage }: MemberTagRowProps) {
  const t = useT();
  const fmt = useFormat();
  return (
    <tr data-testid="member-tag-row">
      <td class="strong">{tag.name}</td>
      <td class="num">
        <a class="table-link" href={`/contacts?memberTagId=${tag.id}`}>
          {fmt.number(tag.contactCount)}
        </a>
      </td>
      <td class="num muted">{fmt.number(tag.pendingFanCount)}</td>
      {onManage ? (
        <td class="col-actions">
          <div class="row-actions">
            <button type="button" class="btn btn-sm btn-ghost" onClick={() => onManage("rename")}>
              {t("mtags.rename")}
            </button>
            <button
              type="button"
              class="btn btn-sm btn-ghost"
              disabled={!canMerge}
              onClick={() => onManage("merge")}
            >
              {t("mtags.merge")}
            </button>
            <button
              type="button"
              class="btn btn-sm btn-ghost-danger"
              onClick={() => onManage("delete")}
            >
              {t("common.delete")}
            </button>
          </div>
        </td>
      ) : null}
    </tr>
  );
}
