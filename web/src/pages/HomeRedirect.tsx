import { useEffect } from "preact/hooks";
import { useLocation } from "preact-iso";
import { ErrorNotice } from "../components/ErrorNotice";
import { LoadingBlock } from "../components/Spinner";
import { useAccounts } from "../state/accounts";

/** `/` opens the code list of the remembered account, or the accounts page when there is none. */
export function HomeRedirect() {
  const { route } = useLocation();
  const { current, loading, error, reload } = useAccounts();

  useEffect(() => {
    if (loading || error) return;
    route(current ? `/accounts/${current.id}/qrcodes` : "/accounts", true);
  }, [current, loading, error, route]);

  if (error) return <ErrorNotice error={error} onRetry={reload} variant="block" />;
  return <LoadingBlock />;
}
