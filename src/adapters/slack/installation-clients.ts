import { webApi } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../../core/logger.js';
import type { SlackInstallations } from './slack-installation-store.js';
import { toSlackLogger } from './slack-logger.js';
import { parseSlackWorkspaceId } from './slack-workspace-id.js';

export interface InstallationClients {
  /** A Web API client with the workspace's own token; undefined when readout is not installed there. */
  clientFor(workspace: string): Promise<webApi.WebClient | undefined>;
}

/**
 * One Web API client per installation token, cached with a bound (a host may serve thousands of workspaces).
 * The token comes from the installation store on every call, so a refreshed or revoked token is never reused.
 */
export function createInstallationClients(options: {
  installations: SlackInstallations;
  apiUrl?: string | undefined;
  logger: Logger;
  clientOptions: Omit<webApi.WebClientOptions, 'slackApiUrl' | 'logger'>;
  maxClients?: number;
}): InstallationClients {
  const clients = new LRUCache<string, webApi.WebClient>({ max: options.maxClients ?? 500 });
  const logger = toSlackLogger(options.logger, 'slack-installation');
  return {
    async clientFor(workspace) {
      const { enterpriseId, teamId } = parseSlackWorkspaceId(workspace);
      const installation = await options.installations.forWorkspace(enterpriseId, teamId);
      const token = installation?.bot?.token;
      if (!token) return undefined;
      let client = clients.get(token);
      if (!client) {
        client = new webApi.WebClient(token, {
          ...options.clientOptions,
          ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
          logger,
        });
        clients.set(token, client);
      }
      return client;
    },
  };
}
