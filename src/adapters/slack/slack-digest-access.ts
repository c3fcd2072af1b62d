import type { webApi } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import type { DigestAccess } from '../../commands/command.js';
import type { Logger } from '../../core/logger.js';
import type { SlackWhere } from './slack-deps.js';
import { slackMessages } from './slack-messages.js';

export interface SlackDigestAccessOptions {
  /** The Web API client of the asker's workspace: the one bot token, or in distribution mode that workspace's own. */
  clientFor: (team: string) => Promise<webApi.WebClient | undefined>;
  /** User ids the operator lets manage digests besides admins and owners (READOUT_DIGEST_MANAGERS). */
  managers: readonly string[];
  logger: Logger;
}

/** A role read from users.info stays good this long: a demoted admin loses the right within minutes. */
const ROLE_TTL_MS = 5 * 60_000;

/**
 * Who may change a Slack channel's digest: workspace admins and owners (users.info, scope users:read) and the
 * ids in READOUT_DIGEST_MANAGERS. Direct messages and group DMs carry no digest: without im:history and
 * mpim:history the bot could not find its own post again after an uncertain attempt, so it could post twice.
 */
export function createSlackDigestAccess(options: SlackDigestAccessOptions): (where: SlackWhere) => DigestAccess {
  const managers = new Set(options.managers);
  const roles = new LRUCache<string, boolean>({ max: 5_000, ttl: ROLE_TTL_MS });
  // Roles are per workspace: the same person may be an admin in one and not in another.
  const isAdmin = async (team: string, user: string): Promise<boolean> => {
    const key = `${team}:${user}`;
    const cached = roles.get(key);
    if (cached !== undefined) return cached;
    const client = await options.clientFor(team);
    if (!client) throw new Error(`no installation for workspace ${team}`);
    const info = await client.users.info({ user });
    const admin = Boolean(info.user?.is_admin || info.user?.is_owner || info.user?.is_primary_owner);
    roles.set(key, admin);
    return admin;
  };
  return (where) => ({
    ...(isDirectMessage(where) ? { channelRefusal: slackMessages.digestNotInDirectMessages } : {}),
    async checkManager() {
      if (managers.has(where.user)) return undefined;
      try {
        return (await isAdmin(where.team, where.user)) ? undefined : slackMessages.digestManagersOnly;
      } catch (error) {
        options.logger.warn({ err: error, user: where.user }, 'could not read the asker’s role with users.info');
        return slackMessages.digestRoleUnknown;
      }
    },
  });
}

/** Slack names DM channels `D…`; slash commands also say `directmessage`, and group DMs are `mpdm-…`. */
export function isDirectMessage(where: Pick<SlackWhere, 'channel' | 'channelName'>): boolean {
  return where.channel.startsWith('D') || where.channelName === 'directmessage' || (where.channelName ?? '').startsWith('mpdm-');
}

/** The operator's access from the CLI: any change, but still no digest in a Slack DM, whose posts could not be found again. */
export function operatorSlackDigestAccess(channel: string): DigestAccess {
  return {
    ...(isDirectMessage({ channel }) ? { channelRefusal: slackMessages.digestNotInDirectMessages } : {}),
    checkManager: async () => undefined,
  };
}
