import { type ComponentChildren, createContext } from "preact";
import { useCallback, useContext, useEffect, useMemo } from "preact/hooks";
import { useLocation } from "preact-iso";
import { listAccounts } from "../api/accounts";
import type { ApiError } from "../api/client";
import type { Account } from "../api/types";
import { useApi } from "../hooks/use-api";
import { readStored, writeStored } from "../lib/storage";

const STORAGE_KEY = "console.accountId";
/** `/accounts/{id}/{section}/…`: the account a page belongs to is in its URL. */
const ACCOUNT_PATH = /^\/accounts\/([^/]+)\/([^/]+)/;

type Accounts = {
  accounts: Account[];
  loading: boolean;
  error: ApiError | undefined;
  /** The account of this page (from the URL), else the remembered one, else the first. */
  current: Account | null;
  /** The URL names an account the user cannot see. */
  urlAccountMissing: boolean;
  switchTo: (accountId: string) => void;
  reload: () => void;
};

const AccountsContext = createContext<Accounts | null>(null);

export function accountIdInPath(path: string): string | null {
  const m = ACCOUNT_PATH.exec(path);
  return m?.[1] ?? null;
}

export function AccountsProvider({ children }: { children: ComponentChildren }) {
  const { path, route } = useLocation();
  const { data, error, loading, reload } = useApi((signal) => listAccounts(signal), []);
  const accounts = data ?? [];
  const urlId = accountIdInPath(path);

  const fromUrl = urlId ? accounts.find((a) => a.id === urlId) : undefined;
  const stored = readStored(STORAGE_KEY);
  const current = fromUrl ?? accounts.find((a) => a.id === stored) ?? accounts[0] ?? null;
  const urlAccountMissing = Boolean(urlId && data && !fromUrl);

  useEffect(() => {
    if (fromUrl) writeStored(STORAGE_KEY, fromUrl.id);
  }, [fromUrl]);

  const switchTo = useCallback(
    (accountId: string) => {
      writeStored(STORAGE_KEY, accountId);
      const m = ACCOUNT_PATH.exec(path);
      // Stay on the same section; a code of one account means nothing in another.
      const section = m?.[2] ?? "qrcodes";
      route(`/accounts/${accountId}/${section}`);
    },
    [path, route],
  );

  const value = useMemo<Accounts>(
    () => ({ accounts, loading, error, current, urlAccountMissing, switchTo, reload }),
    [accounts, loading, error, current, urlAccountMissing, switchTo, reload],
  );
  return <AccountsContext.Provider value={value}>{children}</AccountsContext.Provider>;
}

export function useAccounts(): Accounts {
  const a = useContext(AccountsContext);
  if (!a) throw new Error("useAccounts outside AccountsProvider");
  return a;
}
