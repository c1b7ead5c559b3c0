import type { CodeFan } from "../../../api/types";
import { Badge } from "../../../components/Badge";
import { Icon } from "../../../components/Icon";
import { Menu, MenuItem } from "../../../components/Menu";
import { useFormat } from "../../../hooks/use-format";
import { useT } from "../../../i18n";
import "./fan-row.css";

type FanRowProps = {
  fan: CodeFan;
  /** Admins and owners may erase a fan's personal data; others see no menu. */
  onErase?: () => void;
};

/** One scanner of the code; an erased fan keeps its numbers and loses its identity. */
export function FanRow({ fan: f, onErase }: FanRowProps) {
  const t = useT();
  const fmt = useFormat();
  return (
    <tr data-testid="fan-row" class={f.erased ? "is-muted" : undefined}>
      <td>
        {f.erased ? (
          <>
            <Badge>{t("erase.erased")}</Badge>
            <div class="cell-sub">{t("erase.erasedHint")}</div>
          </>
        ) : (
          <>
            <div class="mono small fan-openid" title={f.openid}>
              {f.openid}
            </div>
            {f.contact || f.remark ? (
              <div class="cell-sub">{f.contact?.name ?? f.remark}</div>
            ) : null}
          </>
        )}
      </td>
      <td class="muted nowrap">{fmt.dateTime(f.firstScanAt)}</td>
      <td class="muted nowrap">{fmt.dateTime(f.lastScanAt)}</td>
      <td class="num">{fmt.number(f.scanCount)}</td>
      <td>
        {f.isNewFollower ? (
          <Badge tone="success">{t("detail.fanType.new")}</Badge>
        ) : (
          <Badge>{t("detail.fanType.old")}</Badge>
        )}
      </td>
      <td>
        {f.following ? (
          <span class="text-success">{t("common.yes")}</span>
        ) : (
          <span
            class="text-danger"
            title={f.unfollowedAt ? fmt.dateTime(f.unfollowedAt) : undefined}
          >
            {t("detail.unfollowed")}
          </span>
        )}
      </td>
      <td>
        <div class="chips chips-sm">
          {f.tags.map((tag) => (
            <span key={tag.id} class="chip chip-static">
              {tag.name}
            </span>
          ))}
        </div>
      </td>
      {onErase ? (
        <td class="col-sticky">
          {f.erased ? null : (
            <Menu
              trigger={<Icon name="more" size={16} />}
              triggerClass="icon-btn"
              triggerLabel={t("common.actions")}
            >
              {(close) => (
                <MenuItem
                  danger
                  onSelect={() => {
                    close();
                    onErase();
                  }}
                >
                  <Icon name="eraser" size={15} />
                  {t("erase.action")}
                </MenuItem>
              )}
            </Menu>
          )}
        </td>
      ) : null}
    </tr>
  );
}
