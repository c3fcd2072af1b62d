import { PostError } from '../../core/digest/digest-types.js';

/** Slack errors that mean the channel is not reachable for us any more: the runner pauses the subscription. */
const GONE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'team_access_not_granted',
  'account_inactive',
  'restricted_action',
]);
/** Errors no retry will fix (bad token, bad payload): the runner marks the slot failed. */
const FATAL = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'invalid_blocks',
  'msg_too_long',
  'no_text',
  'invalid_arguments',
]);

interface SlackishError {
  code?: string;
  data?: { error?: string };
  retryAfter?: number;
  statusCode?: number;
  original?: { code?: string; message?: string };
  message?: string;
}

/** Maps a WebClient error onto the digest runner's vocabulary: wait, retry, pause the channel, or give up. */
export function toPostError(error: unknown): PostError {
  if (error instanceof PostError) return error;
  const e = (error ?? {}) as SlackishError;
  switch (e.code) {
    case 'slack_webapi_rate_limited_error':
      return new PostError('rate_limited', 'ratelimited', Math.max(0, (e.retryAfter ?? 1) * 1000));
    case 'slack_webapi_platform_error': {
      const reason = e.data?.error ?? 'unknown_error';
      if (reason === 'ratelimited') return new PostError('rate_limited', reason, 1000);
      if (GONE.has(reason)) return new PostError('gone', reason);
      if (FATAL.has(reason)) return new PostError('fatal', reason);
      // Slack's own trouble (`internal_error`, `fatal_error`, `service_unavailable`) is worth another try.
      return new PostError('transient', reason);
    }
    case 'slack_webapi_http_error': {
      const status = e.statusCode ?? 0;
      return new PostError(status >= 500 || status === 408 ? 'transient' : 'fatal', `http_${status}`);
    }
    case 'slack_webapi_request_error': {
      const cause = e.original?.code ?? '';
      return new PostError(
        'transient',
        cause === 'ECONNABORTED' || cause === 'ETIMEDOUT' ? 'timeout' : cause.toLowerCase() || 'request_error',
      );
    }
    default:
      return new PostError('transient', 'unexpected_error');
  }
}
