/**
 * The workspace part of a channel's key in distribution mode: `E…:T…` for a workspace of an Enterprise Grid
 * org, the team id alone otherwise, so subscriptions are keyed by enterprise and team and the digest can find
 * the installation (the workspace's own, or its org's) from the key alone.
 */
export function slackWorkspaceId(enterpriseId: string | null | undefined, teamId: string): string {
  return enterpriseId ? `${enterpriseId}:${teamId}` : teamId;
}

/** The enterprise and team of a workspace id made by slackWorkspaceId. */
export function parseSlackWorkspaceId(id: string): { enterpriseId: string | undefined; teamId: string } {
  const at = id.indexOf(':');
  return at < 0 ? { enterpriseId: undefined, teamId: id } : { enterpriseId: id.slice(0, at), teamId: id.slice(at + 1) };
}
