import { createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import type { AuditEntry } from "../../api/audit";
import { listGroups } from "../../api/qrcodes";
import { listMemberTags } from "../../api/tags";

/** Names of the groups and member tags entries refer to by id; ids absent here show as ids. */
export type AuditNames = Map<string, string>;

const NamesContext = createContext<AuditNames>(new Map());
export const AuditNamesProvider = NamesContext.Provider;
/** The name of the group or member tag with this id, when the page could look it up. */
export function useNameOf(): (id: string) => string | undefined {
  const names = useContext(NamesContext);
  return (id) => names.get(id);
}

const mentions = (e: AuditEntry, field: string) =>
  (e.before && field in e.before) || (e.after && field in e.after);

/**
 * Loads, once per page of entries, the member tags and the groups of the
 * accounts whose codes changed group, so a value reads "Shop windows" rather
 * than grp_…. A failed look-up only leaves the ids showing.
 */
export function useAuditNames(entries: AuditEntry[]): AuditNames {
  const [names, setNames] = useState<AuditNames>(new Map());
  const groupAccounts = [
    ...new Set(
      entries.filter((e) => e.accountId && mentions(e, "groupId")).map((e) => e.accountId),
    ),
  ].filter((id): id is string => id !== null);
  const wantTags = entries.some((e) => mentions(e, "memberTagIds"));
  const key = `${groupAccounts.sort().join(",")}|${wantTags}`;

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    const loads = [
      ...groupAccounts.map((id) =>
        listGroups(id, signal).then((gs) => gs.map((g) => [g.id, g.name] as const)),
      ),
      wantTags
        ? listMemberTags(signal).then((ts) => ts.map((t) => [t.id, t.name] as const))
        : Promise.resolve([]),
    ];
    void Promise.allSettled(loads).then((results) => {
      if (signal.aborted) return;
      const next = new Map<string, string>();
      for (const r of results)
        if (r.status === "fulfilled") for (const [k, v] of r.value) next.set(k, v);
      setNames(next);
    });
    return () => controller.abort();
  }, [key]);
  return names;
}
