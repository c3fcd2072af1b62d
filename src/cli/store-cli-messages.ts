/** What `readout digest export|import|log` say, in one place. */
export const storeCliMessages = {
  /** Why a due digest was left for later by `digest run`: this process cannot post to that platform. */
  noPoster: (platform: string) =>
    platform === 'slack'
      ? 'no Slack connection in this process: set SLACK_BOT_TOKEN (the running bot posts it otherwise)'
      : platform === 'discord'
        ? 'no Discord connection in this process: set DISCORD_TOKEN (the running bot posts it otherwise)'
        : `no ${platform} poster in this process`,
  /** What `readout help digest` adds to the chat command's help: the actions and options only the shell has. */
  digestShellHelp: [
    'In the shell, also:',
    "    readout digest run [--date YYYY-MM-DD] [--json]: post the due digests now (or that date's), once per channel and date.",
    '    readout digest export [--json]: every subscription as one JSON line (what import reads).',
    '    readout digest import FILE|-: create or update subscriptions from such lines; bad lines are reported by number.',
    '    readout digest log [--date YYYY-MM-DD] [--platform P] [--workspace W] [--channel C] [--limit N] [--json]: the delivery log, newest first.',
    'Which channel (subscribe, unsubscribe, pause, resume, status, preview; filters for log):',
    '    --platform slack|discord|console  --workspace ID  --channel ID (default: the console channel).',
  ].join('\n'),
  notJson: 'not JSON (one subscription per line, as `readout digest export` writes them)',
  notObject: 'not a subscription object (one per line, as `readout digest export` writes them)',
  badLine: (line: number, problem: string) => `line ${line}: ${problem}`,
  tooManyBadLines: (shown: number, total: number) => `… and ${total - shown} more bad lines.`,
  imported: (created: number, updated: number, bad: number) =>
    `Imported ${plural(created + updated, 'subscription')} (${created} new, ${updated} updated)${bad > 0 ? `; skipped ${bad} bad ${bad === 1 ? 'line' : 'lines'}` : ''}.`,
  exported: (count: number) => `Exported ${plural(count, 'subscription')}.`,
  cannotRead: (file: string, reason: string) => `Could not read ${file}: ${reason}.`,
  importUsage: 'Usage: readout digest import FILE|-   (one JSON subscription per line, as written by readout digest export; - reads stdin)',
  exportUsage: (reason: string) => `readout digest export takes only --json (${reason}).`,
  logUsage: (reason: string) =>
    `readout digest log accepts --date YYYY-MM-DD, --platform P --workspace W --channel C, --limit N (1-10000) and --json (${reason}).`,
  noSlots: 'No digest slots match.',
  moreSlots: (limit: number) => `Showing the newest ${limit}; narrow with --date or --channel, or raise --limit.`,
} as const;

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
