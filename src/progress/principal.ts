/**
 * Who is calling (DESIGN.md, "Progress"): an integration client with a Basic secret (no centre:
 * an LRS administrator's key; with a centre: that centre's people only), a tutor with a session,
 * or an apprentice with a token that reaches only their own records.
 */
export type Principal =
  | { kind: 'admin-client'; key: string; name: string }
  | { kind: 'centre-client'; key: string; name: string; centreId: string }
  | { kind: 'tutor'; tutorId: string; centreId: string; name: string; tokenHash: string }
  | { kind: 'apprentice'; apprenticeId: string; centreId: string; tokenHash: string };

export type PrincipalKind = Principal['kind'];

/** The centre a principal is limited to, or null for an administrator. */
export function centreOf(principal: Principal): string | null {
  return principal.kind === 'admin-client' ? null : principal.centreId;
}
