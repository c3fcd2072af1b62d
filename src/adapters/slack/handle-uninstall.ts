import type { App } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import type { Follow } from '../../core/store/follow-types.js';
import type { InstallationRecord } from '../../core/store/installation-types.js';
import type { Store, Subscription } from '../../core/store/store-types.js';
import type { SlackInstallations } from './slack-installation-store.js';
import { slackMessages } from './slack-messages.js';
import { parseSlackWorkspaceId, slackWorkspaceId } from './slack-workspace-id.js';

/** The pause reasons an uninstall writes; only subscriptions paused for one of them resume on reinstall. */
const UNINSTALL_REASONS: ReadonlySet<string> = new Set([slackMessages.pausedUninstalled, slackMessages.pausedTokensRevoked]);

const PAGE = 500;

/** Every Slack subscription whose workspace passes `belongs`, page by page. */
async function subscriptionsWhere(store: Store, belongs: (workspace: string) => boolean): Promise<Subscription[]> {
  const found: Subscription[] = [];
  let after: Subscription | undefined;
  for (;;) {
    const page = await store.listSubscriptions({ platform: 'slack', limit: PAGE, ...(after ? { after } : {}) });
    found.push(...page.filter((sub) => belongs(sub.workspace)));
    if (page.length < PAGE) return found;
    after = page[page.length - 1];
  }
}

/** Every Slack follow whose workspace passes `belongs`. */
async function followsWhere(store: Store, belongs: (workspace: string) => boolean): Promise<Follow[]> {
  return (await store.listFollows({ platform: 'slack' })).filter((follow) => belongs(follow.workspace));
}

interface UninstallBody {
  team_id?: string;
  enterprise_id?: string;
  is_enterprise_install?: boolean;
}

/**
 * `app_uninstalled` and `tokens_revoked` (bot tokens), in either order and each any number of times: the
 * installation's tokens are deleted and the digests of every workspace left without an installation pause
 * with a readable reason. Bolt delivers both events without authorizing them (the tokens may be gone).
 */
export function registerUninstallListeners(app: App, options: { installations: SlackInstallations; store: Store; logger: Logger }): void {
  const uninstall = async (body: UninstallBody, reason: string) => {
    const enterpriseId = body.enterprise_id || undefined;
    const orgWide = Boolean(body.is_enterprise_install);
    if (!orgWide && !body.team_id) return;
    await options.installations.deleteInstallation({
      teamId: orgWide ? undefined : body.team_id,
      enterpriseId,
      isEnterpriseInstall: orgWide,
    });
    const belongsTo = (workspace: string) =>
      orgWide
        ? parseSlackWorkspaceId(workspace).enterpriseId === enterpriseId
        : workspace === slackWorkspaceId(enterpriseId, body.team_id ?? '');
    const affected = await subscriptionsWhere(options.store, belongsTo);
    let paused = 0;
    for (const sub of affected) {
      // A subscription someone paused stays theirs; one already paused by the other event stays as it is.
      if (sub.status !== 'active') continue;
      const { teamId } = parseSlackWorkspaceId(sub.workspace);
      // A workspace with its own installation beside the org's keeps posting.
      if (orgWide && (await options.installations.forWorkspace(undefined, teamId).catch(() => undefined))) continue;
      await options.store.setSubscriptionStatus(sub, 'paused', reason);
      paused++;
    }
    // Follows pause with the same reason: nothing can be posted until a reinstall resumes them.
    for (const follow of await followsWhere(options.store, belongsTo)) {
      if (follow.status !== 'active') continue;
      const { teamId } = parseSlackWorkspaceId(follow.workspace);
      if (orgWide && (await options.installations.forWorkspace(undefined, teamId).catch(() => undefined))) continue;
      await options.store.setFollowStatus(follow, 'paused', reason);
      paused++;
    }
    options.logger.info({ team: body.team_id, enterprise: enterpriseId, orgWide, paused }, 'slack app uninstalled: digests paused');
  };
  app.event('app_uninstalled', async ({ body }) => {
    await uninstall(body as UninstallBody, slackMessages.pausedUninstalled);
  });
  app.event('tokens_revoked', async ({ body, event }) => {
    // Only the bot token matters to readout; revoked user tokens change nothing it uses.
    if ((event.tokens.bot ?? []).length === 0) return;
    await uninstall(body as UninstallBody, slackMessages.pausedTokensRevoked);
  });
}

/** After an install, resumes the digests and follows that an uninstall of the same workspace (or org) paused. */
export async function resumeAfterReinstall(store: Store, record: InstallationRecord, logger: Logger): Promise<number> {
  const belongs = (workspace: string) =>
    record.isEnterpriseInstall
      ? parseSlackWorkspaceId(workspace).enterpriseId === record.enterpriseId
      : workspace === slackWorkspaceId(record.enterpriseId, record.teamId ?? '');
  let resumed = 0;
  for (const sub of await subscriptionsWhere(store, belongs)) {
    if (sub.status !== 'paused' || !UNINSTALL_REASONS.has(sub.pausedReason ?? '')) continue;
    await store.setSubscriptionStatus(sub, 'active');
    resumed++;
  }
  for (const follow of await followsWhere(store, belongs)) {
    if (follow.status !== 'paused' || !UNINSTALL_REASONS.has(follow.pausedReason ?? '')) continue;
    await store.setFollowStatus(follow, 'active');
    resumed++;
  }
  if (resumed > 0) logger.info({ installation: record.key, resumed }, 'slack app reinstalled: digests resumed');
  return resumed;
}
