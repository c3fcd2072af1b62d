import { randomBytes } from 'node:crypto';

export const FAKE_CLIENT_ID = '1111.2222';
export const FAKE_CLIENT_SECRET = 'fake-client-secret';

/** A workspace (or org) a person installs the app into. */
export interface FakeWorkspace {
  teamId?: string;
  teamName?: string;
  enterpriseId?: string;
  /** An org-wide install on Enterprise Grid: no team, the enterprise holds the token. */
  orgInstall?: boolean;
  /** Token rotation on: tokens expire (after 12 hours, as at Slack) and come with a refresh token. */
  rotation?: boolean;
  /** Seconds the first token lives instead of 12 hours (an install about to need a refresh); refreshed ones get 12 hours. */
  expiresIn?: number;
}

interface IssuedToken {
  workspace: FakeWorkspace;
  botUserId: string;
  /** Fake seconds; undefined when the token does not expire. */
  expiresAt?: number;
  revoked: boolean;
}

/**
 * Slack's OAuth side for the fake: authorization codes (one use each), oauth.v2.access for the code grant
 * and the refresh grant (a refresh token works once: using it revokes it, as Slack does), and auth.test
 * that knows which workspace each token belongs to and whether it still works.
 */
export class FakeSlackOAuth {
  private readonly codes = new Map<string, FakeWorkspace>();
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly refreshTokens = new Map<string, { access: string; used: boolean }>();
  /** Refresh grants that reached the fake, successful or not. */
  refreshGrants = 0;

  constructor(private readonly nowSeconds: () => number) {}

  /** What Slack does when a person clicks "Allow": a one-time code for the redirect. */
  authorize(workspace: FakeWorkspace): string {
    const code = `code-${randomBytes(6).toString('hex')}`;
    this.codes.set(code, workspace);
    return code;
  }

  /** Whether this token currently works (known, not revoked, not expired). */
  works(token: string): boolean {
    const issued = this.tokens.get(token);
    return Boolean(issued && !issued.revoked && (issued.expiresAt === undefined || issued.expiresAt > this.nowSeconds()));
  }

  /** Whether the fake issued this token at all. */
  knows(token: string): boolean {
    return this.tokens.has(token);
  }

  /** The workspace's team id (or enterprise id for an org install) a token was issued for. */
  workspaceOf(token: string): string | undefined {
    const issued = this.tokens.get(token);
    return issued ? (issued.workspace.orgInstall ? issued.workspace.enterpriseId : issued.workspace.teamId) : undefined;
  }

  /** Uninstall: every token of the workspace stops working (app_uninstalled / tokens_revoked follow). */
  revokeWorkspace(teamOrEnterpriseId: string): void {
    for (const issued of this.tokens.values()) {
      if (
        issued.workspace.teamId === teamOrEnterpriseId ||
        (issued.workspace.orgInstall && issued.workspace.enterpriseId === teamOrEnterpriseId)
      )
        issued.revoked = true;
    }
  }

  /** Makes a token expire now (by the fake's clock), as if its 12 hours were up. */
  expire(token: string): void {
    const issued = this.tokens.get(token);
    if (issued) issued.expiresAt = this.nowSeconds();
  }

  /** oauth.v2.access: the code grant or the refresh grant. */
  access(params: Record<string, unknown>): Record<string, unknown> {
    if (params['client_id'] !== FAKE_CLIENT_ID || params['client_secret'] !== FAKE_CLIENT_SECRET)
      return { ok: false, error: 'invalid_client_id' };
    if (params['grant_type'] === 'refresh_token') {
      this.refreshGrants++;
      const refresh = this.refreshTokens.get(String(params['refresh_token']));
      if (!refresh || refresh.used) return { ok: false, error: 'invalid_refresh_token' };
      refresh.used = true;
      const old = this.tokens.get(refresh.access);
      if (!old || old.revoked) return { ok: false, error: 'invalid_refresh_token' };
      const token = this.issue({ ...old.workspace, expiresIn: 43_200 }, old.botUserId);
      return { ok: true, token_type: 'bot', access_token: token.access, refresh_token: token.refresh, expires_in: token.expiresIn };
    }
    const workspace = this.codes.get(String(params['code']));
    if (!workspace) return { ok: false, error: 'invalid_code' };
    this.codes.delete(String(params['code']));
    const botUserId = `U${randomBytes(4).toString('hex').toUpperCase()}`;
    const token = this.issue(workspace, botUserId);
    return {
      ok: true,
      app_id: 'A0FAKE',
      authed_user: { id: 'U0INSTALLER' },
      scope: 'commands,chat:write,chat:write.public,users:read',
      token_type: 'bot',
      access_token: token.access,
      bot_user_id: botUserId,
      team: workspace.orgInstall ? null : { id: workspace.teamId, name: workspace.teamName ?? workspace.teamId },
      enterprise: workspace.enterpriseId ? { id: workspace.enterpriseId, name: `Org ${workspace.enterpriseId}` } : null,
      is_enterprise_install: Boolean(workspace.orgInstall),
      ...(token.refresh ? { refresh_token: token.refresh, expires_in: token.expiresIn } : {}),
    };
  }

  /** auth.test for a token the fake issued; undefined for others (the fake's single-workspace answer applies). */
  authTest(token: string): Record<string, unknown> | undefined {
    const issued = this.tokens.get(token);
    if (!issued) return undefined;
    if (issued.revoked) return { ok: false, error: 'token_revoked' };
    if (issued.expiresAt !== undefined && issued.expiresAt <= this.nowSeconds()) return { ok: false, error: 'token_expired' };
    const { workspace } = issued;
    return {
      ok: true,
      url: `https://${workspace.teamId ?? workspace.enterpriseId}.fake.slack.test/`,
      team: workspace.teamName ?? workspace.teamId ?? null,
      user: 'readout',
      team_id: workspace.orgInstall ? undefined : workspace.teamId,
      enterprise_id: workspace.enterpriseId,
      is_enterprise_install: Boolean(workspace.orgInstall),
      user_id: issued.botUserId,
      bot_id: `B${issued.botUserId.slice(1)}`,
    };
  }

  private issue(workspace: FakeWorkspace, botUserId: string): { access: string; refresh?: string; expiresIn?: number } {
    const rotation = Boolean(workspace.rotation);
    const access = `${rotation ? 'xoxe.' : ''}xoxb-${randomBytes(8).toString('hex')}`;
    const expiresIn = workspace.expiresIn ?? 43_200;
    this.tokens.set(access, { workspace, botUserId, ...(rotation ? { expiresAt: this.nowSeconds() + expiresIn } : {}), revoked: false });
    if (!rotation) return { access };
    const refresh = `xoxe-1-${randomBytes(8).toString('hex')}`;
    this.refreshTokens.set(refresh, { access, used: false });
    return { access, refresh, expiresIn };
  }
}
