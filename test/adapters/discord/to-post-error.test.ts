import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { toPostError } from '../../../src/adapters/discord/create-discord-poster.js';

function apiError(status: number, code: number): DiscordAPIError {
  return new DiscordAPIError({ message: 'x', code }, code, status, 'POST', 'http://x/api/v10/channels/1/messages', { body: {} });
}

function abortError(): Error {
  const error = new Error('This operation was aborted');
  error.name = 'AbortError';
  return error;
}

describe('toPostError', () => {
  it.each([
    { error: apiError(403, 50001), kind: 'gone', reason: 'http_403' },
    { error: apiError(404, 10003), kind: 'gone', reason: 'http_404' },
    { error: apiError(400, 50035), kind: 'fatal', reason: 'http_400' },
    { error: new HTTPError(502, 'Bad Gateway', 'POST', 'http://x', { body: {} }), kind: 'transient', reason: 'http_502' },
    { error: abortError(), kind: 'transient', reason: 'timeout' },
    {
      error: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      kind: 'transient',
      reason: 'econnrefused',
    },
    { error: new TypeError("Cannot read properties of undefined (reading 'id')"), kind: 'transient', reason: 'network_error' },
    { error: new Error('Expected token to be set for this request, but none was present'), kind: 'fatal', reason: 'http_401' },
    {
      error: new RateLimitError({
        timeToReset: 30_000,
        limit: 5,
        method: 'POST',
        hash: 'h',
        url: 'http://x',
        route: '/channels/:id/messages',
        majorParameter: '1',
        global: false,
        retryAfter: 30_050,
        sublimitTimeout: 0,
        scope: 'user',
      }),
      kind: 'rate_limited',
      reason: 'http_429',
      retryAfterMs: 30_050,
    },
  ])('maps $error.name ($reason) to $kind', ({ error, kind, reason, retryAfterMs }) => {
    expect(toPostError(error)).toMatchObject({ kind, reason, ...(retryAfterMs ? { retryAfterMs } : {}) });
  });
});
