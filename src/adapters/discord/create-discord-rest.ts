import { REST, type RESTOptions } from 'discord.js';

/**
 * A REST client for our own calls (digest posts, registration). `apiUrl` replaces the base URL without
 * the version (`http://127.0.0.1:PORT/api`; the client adds `/v10`), as REST proxies and the tests need.
 */
export function createDiscordRest(options: { token: string; apiUrl?: string | undefined; rest?: Partial<RESTOptions> }): REST {
  return new REST({ ...options.rest, ...(options.apiUrl ? { api: options.apiUrl } : {}) }).setToken(options.token);
}
