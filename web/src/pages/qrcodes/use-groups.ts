import { listGroups } from "../../api/qrcodes";
import { useApi } from "../../hooks/use-api";

/** The account's code groups; pages reload them after a change. */
export function useGroups(accountId: string) {
  return useApi((signal) => listGroups(accountId, signal), [accountId]);
}
