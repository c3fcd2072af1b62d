/** What to do about a failure, in the platform's words, by the error code somewhere in the ledger's reason. */
const FIXES: readonly { platform: string; pattern: RegExp; code: string; fix: (channel: string) => string }[] = [
  { platform: 'slack', pattern: /not_in_channel/, code: 'not_in_channel', fix: (c) => `invite the bot to #${c} (/invite @readout)` },
  {
    platform: 'slack',
    pattern: /channel_not_found/,
    code: 'channel_not_found',
    fix: (c) => `#${c} was deleted or is private to the bot: invite the bot, or unsubscribe the channel`,
  },
  { platform: 'slack', pattern: /is_archived/, code: 'is_archived', fix: (c) => `#${c} is archived: unarchive it, or unsubscribe it` },
  {
    platform: 'slack',
    pattern: /restricted_action/,
    code: 'restricted_action',
    fix: (c) => `a workspace setting stops the bot posting in #${c}: let apps post there`,
  },
  {
    platform: 'slack',
    pattern: /invalid_auth|not_authed|token_revoked|token_expired|account_inactive/,
    code: 'invalid_auth',
    fix: () => 'the bot token no longer works: reinstall the app and update SLACK_BOT_TOKEN',
  },
  {
    platform: 'slack',
    pattern: /missing_scope/,
    code: 'missing_scope',
    fix: () => 'add the missing scope on the app’s OAuth & Permissions page, then reinstall the app',
  },
  {
    platform: 'discord',
    pattern: /50001|missing access|http_403/i,
    code: 'Missing Access',
    fix: (c) => `give the bot View Channel and Send Messages in #${c}`,
  },
  {
    platform: 'discord',
    pattern: /50013|missing permissions/i,
    code: 'Missing Permissions',
    fix: (c) => `give the bot Send Messages and Embed Links in #${c}`,
  },
  {
    platform: 'discord',
    pattern: /10003|unknown channel|http_404/i,
    code: 'Unknown Channel',
    fix: (c) => `#${c} was deleted: unsubscribe it`,
  },
  {
    platform: '*',
    pattern: /429|rate_?limit/i,
    code: 'rate limited',
    fix: () => 'the platform asked the bot to slow down: readout retries on its own; spread the subscription times if it persists',
  },
  {
    platform: '*',
    pattern: /http_5\d\d|internal_error|service_unavailable|fatal_error/,
    code: 'platform error',
    fix: () => 'the platform had trouble: readout retries on its own',
  },
];

/** The failure's code as the platform names it, and what to do, for one channel. */
export function platformFix(platform: string, reason: string, channel: string): { code: string; fix: string } {
  const found = FIXES.find((entry) => (entry.platform === platform || entry.platform === '*') && entry.pattern.test(reason));
  if (found) return { code: found.code, fix: found.fix(channel) };
  return { code: reason.slice(0, 80), fix: `see readout digest log --platform ${platform} --channel ${channel} for the platform’s answer` };
}
