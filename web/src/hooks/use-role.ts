import { roleAtLeast, type UserRole } from "../api/users";
import { useUser } from "../state/session";

/**
 * Whether the signed-in user has at least `minimum`. The console only hides
 * what the role cannot use; the server refuses it either way.
 */
export function useRoleAtLeast(minimum: UserRole): boolean {
  return roleAtLeast(useUser().role, minimum);
}

/**
 * What the console may offer, in the server's terms (src/auth/middleware.ts):
 * `write` is any change or export (operator and up), `admin` the routes behind
 * `requireRole("admin")`. A console session is always write-scoped; only API
 * tokens can be read-only, and the console never signs in with one.
 */
export type Capability = "write" | "admin";

const MINIMUM: Record<Capability, UserRole> = { write: "operator", admin: "admin" };

export function useCan(capability: Capability): boolean {
  return useRoleAtLeast(MINIMUM[capability]);
}
