/** What `readout digest export|import|log` say, in one place. */
export const storeCliMessages = {
  notJson: 'not JSON (one subscription per line, as `readout digest export` writes them)',
  notObject: 'not a subscription object (one per line, as `readout digest export` writes them)',
  badLine: (line: number, problem: string) => `line ${line}: ${problem}`,
  tooManyBadLines: (shown: number, total: number) => `… and ${total - shown} more bad lines.`,
  imported: (created: number, updated: number, bad: number, follows = 0) =>
    `Imported ${plural(created + updated, 'subscription')} (${created} new, ${updated} updated)${follows > 0 ? ` and ${plural(follows, 'follow')}` : ''}${bad > 0 ? `; skipped ${bad} bad ${bad === 1 ? 'line' : 'lines'}` : ''}.`,
  exported: (count: number, follows = 0) =>
    `Exported ${plural(count, 'subscription')}${follows > 0 ? ` and ${plural(follows, 'follow')}` : ''}.`,
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
