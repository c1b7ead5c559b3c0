/**
 * Who may call each route of the API, written down independently of the
 * code that enforces it (src/auth/middleware.ts, requireRole in the routes).
 *
 *   public    anyone, without credentials
 *   self      any signed-in user: their own sign-in, sessions, password, tokens (changes
 *             need a write-scoped credential: a read token revokes and creates nothing)
 *   viewer    any signed-in user; changes additionally need a write-scoped credential
 *   operator  operator or higher with a write-scoped credential
 *   admin     admin or owner (and a write-scoped credential for changes)
 *
 * Every route of the OpenAPI document must be listed: the matrix test fails
 * on a route missing here, so a new route cannot skip the access checks.
 */
export type Minimum = "public" | "self" | "viewer" | "operator" | "admin";

export const ROUTE_POLICY: Record<string, Minimum> = {
  "GET /api/health": "public",
  "POST /api/auth/login": "public",

  "POST /api/auth/logout": "self",
  "GET /api/auth/me": "self",
  "GET /api/auth/sessions": "self",
  "DELETE /api/auth/sessions/{sessionId}": "self",
  "POST /api/auth/password": "self",
  "GET /api/tokens": "self",
  "POST /api/tokens": "self",
  "DELETE /api/tokens/{tokenId}": "self",

  "GET /api/users": "admin",
  "POST /api/users": "admin",
  "PATCH /api/users/{userId}": "admin",
  "GET /api/audit": "admin",
  "GET /api/audit/export": "admin",

  "GET /api/accounts": "viewer",
  "POST /api/accounts": "admin",
  "GET /api/accounts/{accountId}": "viewer",
  "PATCH /api/accounts/{accountId}": "admin",
  "DELETE /api/accounts/{accountId}": "admin",
  "POST /api/accounts/{accountId}/check": "operator",

  "GET /api/jobs/{jobId}": "viewer",
  "GET /api/accounts/{accountId}/jobs": "viewer",

  "GET /api/accounts/{accountId}/forms": "viewer",
  "POST /api/accounts/{accountId}/forms": "operator",
  "GET /api/accounts/{accountId}/forms/{formId}": "viewer",
  "PATCH /api/accounts/{accountId}/forms/{formId}": "operator",
  "DELETE /api/accounts/{accountId}/forms/{formId}": "operator",
  "GET /api/accounts/{accountId}/forms/{formId}/submissions": "viewer",
  "GET /api/accounts/{accountId}/qrcodes/{qrcodeId}/form-stats": "viewer",

  "GET /api/contacts": "viewer",
  "POST /api/contacts/export": "operator",
  "GET /api/contacts/{contactId}": "viewer",
  "PATCH /api/contacts/{contactId}": "operator",
  "POST /api/contacts/{contactId}/member-tags": "operator",
  "DELETE /api/contacts/{contactId}/member-tags/{memberTagId}": "operator",
  "GET /api/contacts/conflicts": "viewer",
  "POST /api/contacts/conflicts/{conflictId}/resolve": "operator",

  "GET /api/member-tags": "viewer",
  "POST /api/member-tags": "operator",
  "PATCH /api/member-tags/{memberTagId}": "admin",
  "DELETE /api/member-tags/{memberTagId}": "admin",
  "POST /api/member-tags/{memberTagId}/merge": "admin",

  "GET /api/accounts/{accountId}/qrcodes": "viewer",
  "POST /api/accounts/{accountId}/qrcodes": "operator",
  "GET /api/accounts/{accountId}/qrcodes/{id}": "viewer",
  "PATCH /api/accounts/{accountId}/qrcodes/{id}": "operator",
  "DELETE /api/accounts/{accountId}/qrcodes/{id}": "operator",
  "GET /api/accounts/{accountId}/qrcodes/{id}/image": "viewer",
  "POST /api/accounts/{accountId}/qrcodes/{id}/archive": "operator",
  "POST /api/accounts/{accountId}/qrcodes/{id}/unarchive": "operator",
  "POST /api/accounts/{accountId}/qrcodes/{id}/renew": "operator",
  "POST /api/accounts/{accountId}/qrcodes/bulk-delete": "operator",
  "POST /api/accounts/{accountId}/qrcodes/move": "operator",
  "POST /api/accounts/{accountId}/qrcodes/downloads": "operator",
  "POST /api/accounts/{accountId}/qrcodes/imports": "operator",
  "GET /api/accounts/{accountId}/qrcodes/imports/{importId}": "viewer",
  "POST /api/accounts/{accountId}/qrcodes/imports/{importId}/confirm": "operator",

  "GET /api/accounts/{accountId}/groups": "viewer",
  "POST /api/accounts/{accountId}/groups": "operator",
  "PATCH /api/accounts/{accountId}/groups/{groupId}": "operator",
  "DELETE /api/accounts/{accountId}/groups/{groupId}": "operator",

  "GET /api/accounts/{accountId}/qrcodes/{id}/stats": "viewer",
  "GET /api/accounts/{accountId}/qrcodes/{id}/fans": "viewer",
  "GET /api/accounts/{accountId}/stats/summary": "viewer",
  "GET /api/accounts/{accountId}/live": "viewer",
  "GET /api/accounts/{accountId}/qrcodes/{id}/deliveries": "viewer",
  "GET /api/accounts/{accountId}/qrcodes/{id}/tag-failures": "viewer",
  "POST /api/accounts/{accountId}/qrcodes/{id}/tag-failures/retry": "operator",
  "POST /api/accounts/{accountId}/qrcodes/{id}/fans/export": "operator",
  "POST /api/accounts/{accountId}/scans/export": "operator",

  "GET /api/accounts/{accountId}/media": "viewer",
  "POST /api/accounts/{accountId}/media": "operator",
  "GET /api/accounts/{accountId}/media/{id}/content": "viewer",

  "GET /api/accounts/{accountId}/fan-tags": "viewer",
  "POST /api/accounts/{accountId}/fan-tags": "operator",
  "POST /api/accounts/{accountId}/fan-tags/sync": "operator",

  "GET /api/accounts/{accountId}/sandbox/fans": "viewer",
  "GET /api/accounts/{accountId}/sandbox/calls": "viewer",
  "GET /api/accounts/{accountId}/sandbox/messages": "viewer",
  "GET /api/accounts/{accountId}/sandbox/faults": "viewer",
  "POST /api/accounts/{accountId}/sandbox/scans": "operator",
  "POST /api/accounts/{accountId}/sandbox/faults": "operator",
  "DELETE /api/accounts/{accountId}/sandbox/faults": "operator",
  "POST /api/accounts/{accountId}/sandbox/tokens/expire": "operator",

  "GET /api/dead-letters": "admin",
  "POST /api/dead-letters/{deadLetterId}/retry": "admin",
  "POST /api/dead-letters/{deadLetterId}/discard": "admin",
  // Last: the owner's cell erases the world's fan and contact for good.
  "POST /api/accounts/{accountId}/fans/{fanId}/erase": "admin",
  "POST /api/contacts/{contactId}/erase": "admin",
};

/** Routes on /api that are deliberately not operations of the OpenAPI document. */
export const UNDOCUMENTED_API_ROUTES = ["GET /api/openapi.json", "GET /api/docs"];

export type Credential = {
  role: "owner" | "admin" | "operator" | "viewer" | null;
  scope: "read" | "write" | null;
};
export type Outcome = "allowed" | 401 | 403;

const RANK = { viewer: 0, operator: 1, admin: 2, owner: 3 } as const;
const READS = new Set(["GET", "HEAD"]);

/** What the policy says a caller gets from a route: through to the handler, or refused. */
export function expectedOutcome(route: string, caller: Credential): Outcome {
  const minimum = ROUTE_POLICY[route];
  if (!minimum) throw new Error(`no policy for ${route}`);
  const method = route.split(" ")[0] ?? "";
  if (minimum === "public") return "allowed";
  if (!caller.role) return 401;
  if (!READS.has(method) && caller.scope !== "write") return 403;
  if (minimum === "self") return "allowed";
  return RANK[caller.role] >= RANK[minimum] ? "allowed" : 403;
}
