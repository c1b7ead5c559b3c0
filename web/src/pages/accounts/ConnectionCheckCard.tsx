import { useState } from "preact/hooks";
import { checkAccount } from "../../api/accounts";
import type { Account, ConnectionCheck } from "../../api/types";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Icon } from "../../components/Icon";
import { useAction } from "../../hooks/use-action";
import { useFormat } from "../../hooks/use-format";
import { useCan } from "../../hooks/use-role";
import { useT } from "../../i18n";
import { CheckBadge } from "./CheckBadge";

type ConnectionCheckCardProps = { account: Account; onChecked: () => void };

/** Fetches a token with the stored credentials and says in plain words what went wrong. */
export function ConnectionCheckCard({ account, onChecked }: ConnectionCheckCardProps) {
  const t = useT();
  const fmt = useFormat();
  const { busy, error, run } = useAction();
  const [result, setResult] = useState<ConnectionCheck | null>(null);
  const shown = result ?? account.lastCheck;
  // Checking fetches a token and records the result: a change, so operators and up.
  const canCheck = useCan("write");

  const check = async () => {
    await run(async () => {
      setResult(await checkAccount(account.id));
      onChecked();
    });
  };

  return (
    <div class="card">
      <div class="card-title-row">
        <h2 class="card-title">{t("account.check")}</h2>
        <CheckBadge check={shown} />
      </div>
      {shown ? (
        <div class={`check-result ${shown.ok ? "is-ok" : "is-failed"}`} data-testid="check-result">
          <Icon name={shown.ok ? "success" : "alert"} size={16} />
          <div>
            <div>
              {shown.message || (shown.ok ? t("account.checkOk") : t("account.checkFailed"))}
            </div>
            {shown.at ? <div class="cell-sub">{fmt.dateTime(shown.at)}</div> : null}
          </div>
        </div>
      ) : (
        <p class="card-hint">{t("account.notChecked")}</p>
      )}
      {error ? <ErrorNotice error={error} /> : null}
      {canCheck ? (
        <button type="button" class="btn btn-block" onClick={check} disabled={busy}>
          <Icon name="refresh" size={14} />
          {busy ? t("account.checking") : t("account.check")}
        </button>
      ) : (
        <p class="card-hint">{t("roles.checkNeedsOperator")}</p>
      )}
    </div>
  );
}
