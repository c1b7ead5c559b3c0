import { roleAtLeast, type UserRole } from "../api/users";
import { useUser } from "../state/session";

/**
 * Whether the signed-in user has at least `minimum`. The console only hides
 * what the role cannot use; the server refuses it either way.
 */
export function useRoleAtLeast(minimum: UserRole): boolean {
  return roleAtLeast(useUser().role, minimum);
}
