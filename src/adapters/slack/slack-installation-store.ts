import { type Installation, type InstallationStore, webApi } from '@slack/bolt';
import { type Clock, systemClock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { TokenSealer } from '../../core/secrets/token-sealer.js';
import type { InstallationInput, InstallationRecord, InstallationStorePort } from '../../core/store/installation-types.js';
import { slackMessages } from './slack-messages.js';

/**
 * Refresh a rotating token this long before it expires: earlier than Bolt's own 2-hour window, so Bolt never
 * refreshes on its own (outside the row lock) and two replicas never spend one refresh token.
 */
export const REFRESH_BEFORE_SECONDS = 3 * 3600;

export interface SlackInstallationsOptions {
  store: InstallationStorePort;
  sealer: TokenSealer;
  clientId: string;
  clientSecret: string;
  /** Web API base URL with its trailing slash (a test fake); Slack's by default. */
  apiUrl?: string | undefined;
  clock?: Clock;
  logger: Logger;
  /** Told after an install or reinstall is stored (digests paused by an uninstall resume). */
  onInstalled?: (record: InstallationRecord) => Promise<void>;
}

/** Bolt's InstallationStore, plus the lookup the digest and permission checks use. */
export interface SlackInstallations extends InstallationStore {
  /** The installation serving a workspace: its own, else its org's org-wide one; undefined when neither exists. */
  forWorkspace(enterpriseId: string | undefined, teamId: string): Promise<Installation | undefined>;
  deleteInstallation(query: AnyQuery): Promise<void>;
}

type AnyQuery = { enterpriseId: string | undefined; teamId: string | undefined; isEnterpriseInstall: boolean };

/** The row key of an installation: the org for an org-wide install, else the workspace. */
export function installationKey(query: {
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
  isEnterpriseInstall?: boolean;
}): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `E:${query.enterpriseId}`;
  if (query.teamId) return `T:${query.teamId}`;
  throw new Error(slackMessages.installationWithoutTeam);
}

/**
 * Bolt's InstallationStore (as @slack/oauth defines it) over the store port. The installation, tokens
 * included, is sealed with AES-256-GCM before it reaches the store; everything listable sits beside it in
 * the clear. With token rotation on, `fetchInstallation` refreshes an expiring bot or user token under the
 * store's row lock, and the second of two replicas finds the token already fresh.
 */
export function createSlackInstallationStore(options: SlackInstallationsOptions): SlackInstallations {
  const clock = options.clock ?? systemClock;
  const oauth = new webApi.WebClient(undefined, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: { retries: 0 },
    timeout: 10_000,
  });
  const open = (record: InstallationRecord): Installation => JSON.parse(options.sealer.open(record.sealed, record.key)) as Installation;
  const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);
  const expiring = (installation: Installation) =>
    [installation.bot, installation.user].some(
      (holder) => holder?.refreshToken && holder.expiresAt !== undefined && holder.expiresAt - nowSeconds() <= REFRESH_BEFORE_SECONDS,
    );

  const refresh = async (installation: Installation): Promise<Installation> => {
    const next: Installation = {
      ...installation,
      ...(installation.bot ? { bot: { ...installation.bot } } : {}),
      user: { ...installation.user },
    };
    for (const holder of [next.bot, next.user]) {
      if (!holder?.refreshToken || holder.expiresAt === undefined || holder.expiresAt - nowSeconds() > REFRESH_BEFORE_SECONDS) continue;
      const answer = await oauth.oauth.v2.access({
        client_id: options.clientId,
        client_secret: options.clientSecret,
        grant_type: 'refresh_token',
        refresh_token: holder.refreshToken,
      });
      holder.token = String(answer.access_token);
      holder.refreshToken = String(answer.refresh_token);
      holder.expiresAt = nowSeconds() + Number(answer.expires_in);
    }
    return next;
  };

  const sealedUpdate = (key: string, installation: Installation, refreshed: boolean) => ({
    ...options.sealer.seal(JSON.stringify(installation), key),
    tokenExpiresAt: expiresAtIso(installation),
    refreshed,
  });

  const fetchInstallation = async (query: AnyQuery): Promise<Installation> => {
    const key = installationKey(query);
    const record = await options.store.getInstallation(key);
    if (!record) throw new NotInstalledError(key);
    const installation = open(record);
    if (!expiring(installation)) return installation;
    const updated = await options.store.updateInstallationLocked(key, async (current) => {
      const latest = open(current);
      // Another replica refreshed while this one waited for the lock: its token is the one to use.
      if (!expiring(latest)) return undefined;
      const refreshed = await refresh(latest);
      options.logger.info({ installation: key }, 'slack token refreshed');
      return sealedUpdate(key, refreshed, true);
    });
    if (!updated) throw new NotInstalledError(key);
    return open(updated);
  };

  return {
    async forWorkspace(enterpriseId, teamId) {
      for (const query of [
        { teamId, enterpriseId, isEnterpriseInstall: false },
        ...(enterpriseId ? [{ teamId: undefined, enterpriseId, isEnterpriseInstall: true }] : []),
      ]) {
        try {
          return await fetchInstallation(query);
        } catch (error) {
          if (!(error instanceof NotInstalledError)) throw error;
        }
      }
      return undefined;
    },
    fetchInstallation,
    async storeInstallation(installation) {
      const key = installationKey({
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
        isEnterpriseInstall: installation.isEnterpriseInstall ?? false,
      });
      const input: InstallationInput = {
        key,
        enterpriseId: installation.enterprise?.id ?? null,
        teamId: installation.team?.id ?? null,
        isEnterpriseInstall: installation.isEnterpriseInstall ?? false,
        botUserId: installation.bot?.userId ?? null,
        scopes: installation.bot?.scopes ?? [],
        ...options.sealer.seal(JSON.stringify(installation), key),
        tokenExpiresAt: expiresAtIso(installation),
      };
      const record = await options.store.saveInstallation(input);
      options.logger.info({ installation: key, scopes: input.scopes }, 'slack app installed');
      await options.onInstalled?.(record);
    },
    async deleteInstallation(query: AnyQuery) {
      const key = installationKey(query);
      await options.store.deleteInstallation(key);
      options.logger.info({ installation: key }, 'slack installation deleted');
    },
  };
}

/** No installation under this key (never installed, or uninstalled). */
export class NotInstalledError extends Error {
  constructor(readonly key: string) {
    super(slackMessages.notInstalled(key));
    this.name = 'NotInstalledError';
  }
}

/** When the bot token expires (the user token when there is no bot), as stored for listing. */
function expiresAtIso(installation: Installation): string | null {
  const at = installation.bot?.expiresAt ?? installation.user.expiresAt;
  return at === undefined ? null : new Date(at * 1000).toISOString();
}
