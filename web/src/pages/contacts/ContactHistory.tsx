import { useFormat } from "../../hooks/use-format";
import { type MessageKey, type Translate, useT } from "../../i18n";
import type { ContactEvent } from "./contacts-api";
import "./contacts.css";

const show = (v: unknown) =>
  Array.isArray(v) ? v.join("、") : v === null || v === undefined ? "—" : String(v);

/** One line saying what the event changed, from its details. */
function summary(t: Translate, e: ContactEvent, tagName: (id: string) => string): string {
  const d = e.details;
  const tagList = (ids: unknown) =>
    Array.isArray(ids) ? ids.map((id) => tagName(String(id))).join("、") : "";
  switch (e.kind) {
    case "field_conflict":
      return t("contacts.event.fieldConflictDetail", {
        field: show(d.field),
        kept: show(d.kept),
        offered: show(d.offered),
      });
    case "merged":
      return d.mergedContactId
        ? t("contacts.event.mergedContactDetail", { id: show(d.mergedContactId) })
        : t("contacts.event.mergedDetail", { fields: show(d.filled) || "—" });
    case "edited":
      return Object.keys((d.after as Record<string, unknown>) ?? {}).join("、");
    case "tagged":
    case "untagged":
      return tagList(d.memberTagIds);
    case "fan_linked":
    case "fan_unlinked":
      return show(d.fanId);
    case "conflict_resolved":
      return t(`conflicts.resolution.${show(d.resolution)}` as MessageKey);
    case "conflict":
      return t("contacts.event.conflictDetail", { offered: show(d.offered) });
    default:
      return d.formId ? t("contacts.event.viaForm") : "";
  }
}

type ContactHistoryProps = { events: ContactEvent[]; tagName: (id: string) => string };

/** The contact's merge history: every creation, merge, link, difference and edit. */
export function ContactHistory({ events, tagName }: ContactHistoryProps) {
  const t = useT();
  const fmt = useFormat();
  return (
    <section class="card card-flush contact-history" data-testid="contact-history">
      <div class="card-pad-tight">
        <h2 class="card-title">{t("contacts.history")}</h2>
      </div>
      <table class="table table-compact">
        <tbody>
          {events.map((e) => (
            <tr key={e.id} data-kind={e.kind}>
              <td class="nowrap muted">{fmt.dateTime(e.createdAt)}</td>
              <td class="nowrap strong">{t(`contacts.event.${e.kind}` as MessageKey)}</td>
              <td>{summary(t, e, tagName)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
