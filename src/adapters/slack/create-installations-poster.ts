import { LRUCache } from 'lru-cache';
import { type DigestPoster, PostError } from '../../core/digest/digest-types.js';
import type { InstallationClients } from './installation-clients.js';
import { createSlackPoster, SLACK_PACING } from './slack-poster.js';

/** Why a digest cannot go out to a workspace readout is no longer installed in (the subscription pauses). */
export const NOT_INSTALLED_REASON = 'app_not_installed';

/**
 * The digest poster of distribution mode: each channel's digest goes out with its own workspace's token,
 * through a poster per installation client (cached with a bound, like the clients). A workspace without an
 * installation is `gone`, so its subscription pauses instead of retrying.
 */
export function createInstallationsPoster(clients: InstallationClients): DigestPoster {
  const posters = new LRUCache<object, DigestPoster>({ max: 500 });
  const posterFor = async (workspace: string): Promise<DigestPoster> => {
    const client = await clients.clientFor(workspace);
    if (!client) throw new PostError('gone', NOT_INSTALLED_REASON);
    let poster = posters.get(client);
    if (!poster) {
      poster = createSlackPoster(client);
      posters.set(client, poster);
    }
    return poster;
  };
  return {
    platform: 'slack',
    pacing: SLACK_PACING,
    post: async (ref, reply, slotKey, hooks) => (await posterFor(ref.workspace)).post(ref, reply, slotKey, hooks),
    findPosted: async (ref, slotKey, since, progress) => (await posterFor(ref.workspace)).findPosted(ref, slotKey, since, progress),
  };
}
