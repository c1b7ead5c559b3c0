import { useFormat } from "../../hooks/use-format";
import { type MessageKey, useT } from "../../i18n";
import { useAccounts } from "../../state/accounts";
import type { ContactDetail } from "./contacts-api";

function useAccountName() {
  const { accounts } = useAccounts();
  return (id: string) => accounts.find((a) => a.id === id)?.name ?? id;
}

export function LinkedFans({ fans }: { fans: ContactDetail["fans"] }) {
  const t = useT();
  const accountName = useAccountName();
  return (
    <section class="card card-flush" data-testid="contact-fans">
      <div class="card-pad-tight">
        <h2 class="card-title">{t("contacts.linkedFans")}</h2>
      </div>
      <table class="table table-compact">
        <thead>
          <tr>
            <th>openid</th>
            <th>{t("contacts.account")}</th>
            <th>{t("contacts.following")}</th>
          </tr>
        </thead>
        <tbody>
          {fans.map((f) => (
            <tr key={f.id}>
              <td class="mono small">{f.openid}</td>
              <td>{accountName(f.accountId)}</td>
              <td>{f.following ? t("contacts.yes") : t("contacts.no")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ContactScans({ scans }: { scans: ContactDetail["scans"] }) {
  const t = useT();
  const fmt = useFormat();
  if (scans.length === 0) return null;
  return (
    <section class="card card-flush">
      <div class="card-pad-tight">
        <h2 class="card-title">{t("contacts.scans")}</h2>
      </div>
      <table class="table table-compact">
        <tbody>
          {scans.map((s) => (
            <tr key={s.id}>
              <td class="nowrap muted">{fmt.dateTime(s.occurredAt)}</td>
              <td>
                {s.qrcodeId ? (
                  <a class="table-link" href={`/accounts/${s.accountId}/qrcodes/${s.qrcodeId}`}>
                    {s.qrcodeName ?? s.qrcodeId}
                  </a>
                ) : (
                  "—"
                )}
              </td>
              <td>{s.isNewFollower ? t("contacts.newFollower") : t("contacts.oldFan")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ContactSubmissions({ submissions }: { submissions: ContactDetail["submissions"] }) {
  const t = useT();
  const fmt = useFormat();
  return (
    <section class="card card-flush" data-testid="contact-submissions">
      <div class="card-pad-tight">
        <h2 class="card-title">{t("contacts.submissions")}</h2>
      </div>
      <table class="table table-compact">
        <tbody>
          {submissions.map((s) => (
            <tr key={s.id}>
              <td class="nowrap muted">{fmt.dateTime(s.createdAt)}</td>
              <td>{s.formName ?? s.formId}</td>
              <td>
                <span class="badge">{t(`forms.outcome.${s.outcome}` as MessageKey)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
