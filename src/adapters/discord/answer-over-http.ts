import type { ServerResponse } from 'node:http';
import { DefaultRestOptions, type RESTOptions, type ResponseLike } from 'discord.js';

/** discord.js's own signature (its RequestInit is undici's, not the DOM's that jsdom's types bring in). */
type MakeRequest = RESTOptions['makeRequest'];

/**
 * Interactions that arrived over HTTP and still await their first answer, which Discord takes as the
 * HTTP response itself. discord.js sends that answer as `POST /interactions/{id}/{token}/callback`; the REST
 * client built with `makeRequest` here writes it into the waiting response instead, so interaction answers
 * never cost a REST call, and every later edit or follow-up goes through REST as usual.
 */
export function createHttpAnswers() {
  const waiting = new Map<string, ServerResponse>();
  const makeRequest: MakeRequest = async (url, init) => {
    const id = /\/interactions\/(\d+)\/[^/?]+\/callback(?:\?|$)/.exec(url)?.[1];
    const res = id ? waiting.get(id) : undefined;
    if (!id || !res) return DefaultRestOptions.makeRequest(url, init as never);
    waiting.delete(id);
    // Our messages carry no attachments, so discord.js always sends the answer as a JSON string.
    const body = typeof init.body === 'string' ? init.body : JSON.stringify({ type: 4, data: { content: '' } });
    await new Promise<void>((resolve) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body, () => resolve());
    });
    // Node's Response is what discord.js expects; only the DOM lib's stream typing differs from ResponseLike.
    return new Response(null, { status: 204 }) as unknown as ResponseLike;
  };
  return {
    makeRequest,
    /** Holds `res` open for the interaction's first answer. */
    await(id: string, res: ServerResponse): void {
      waiting.set(id, res);
    },
    /** Whether the interaction is still unanswered; then `res` is released so a late answer goes to REST (and fails there). */
    expire(id: string): boolean {
      return waiting.delete(id);
    },
    has: (id: string) => waiting.has(id),
  };
}
