import { useState } from "preact/hooks";
import { ApiError } from "../api/client";

export type UseActionOptions = {
  /**
   * Busy stays set after success (and after a bug): the caller closes the dialog or leaves
   * the page, and its button must not come back for a second submit in between. Only an
   * API error, which keeps the user where they are, clears it.
   */
  keepBusy?: boolean;
};

/**
 * A change the user asked for: `busy` while it runs, and its failure kept for ErrorNotice.
 * An ApiError is the server's one error shape (a conflict, a rule, a missing permission),
 * so it is shown where the user acted; anything else is a bug in the console and is
 * rethrown, to surface as one instead of as a message on the form.
 */
export function useAction({ keepBusy = false }: UseActionOptions = {}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  /** Runs `action`; true when it succeeded, false when it ended in an ApiError, now `error`. */
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    let settled = !keepBusy;
    try {
      await action();
      return true;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err);
      settled = true;
      return false;
    } finally {
      if (settled) setBusy(false);
    }
  };

  return { busy, error, run };
}
