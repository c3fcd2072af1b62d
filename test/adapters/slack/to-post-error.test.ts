import { describe, expect, it } from 'vitest';
import { toPostError } from '../../../src/adapters/slack/to-post-error.js';
import { PostError } from '../../../src/core/digest/digest-types.js';

describe('toPostError', () => {
  it.each<[string, unknown, { kind: PostError['kind']; reason: string; retryAfterMs?: number }]>([
    [
      'a 429',
      { code: 'slack_webapi_rate_limited_error', retryAfter: 30 },
      { kind: 'rate_limited', reason: 'ratelimited', retryAfterMs: 30_000 },
    ],
    [
      'channel_not_found',
      { code: 'slack_webapi_platform_error', data: { error: 'channel_not_found' } },
      { kind: 'gone', reason: 'channel_not_found' },
    ],
    [
      'missing_scope',
      { code: 'slack_webapi_platform_error', data: { error: 'missing_scope' } },
      { kind: 'fatal', reason: 'missing_scope' },
    ],
    ['a 502', { code: 'slack_webapi_http_error', statusCode: 502 }, { kind: 'transient', reason: 'http_502' }],
    ['a 403', { code: 'slack_webapi_http_error', statusCode: 403 }, { kind: 'fatal', reason: 'http_403' }],
    ['a timeout', { code: 'slack_webapi_request_error', original: { code: 'ECONNABORTED' } }, { kind: 'transient', reason: 'timeout' }],
    [
      'a refused connection',
      { code: 'slack_webapi_request_error', original: { code: 'ECONNREFUSED' } },
      { kind: 'transient', reason: 'econnrefused' },
    ],
    ['anything else', new Error('boom'), { kind: 'transient', reason: 'unexpected_error' }],
  ])('maps %s', (_name, error, expected) => {
    const mapped = toPostError(error);
    expect(mapped).toBeInstanceOf(PostError);
    expect(mapped).toMatchObject(expected);
  });
});
