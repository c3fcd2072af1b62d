/** What feeds say, kept in one place so the wording changes once. */
export const feedMessages = {
  notAFeed: (reason: string) => `the address does not serve an RSS, Atom or RDF feed (${reason})`,
  added: (url: string, backfill: number) =>
    `Following the feed ${url}: its first poll, within a minute, records what is there${backfill > 0 ? ` and adds the newest ${backfill}` : ' without adding it'}; new items are added after that, every 30 minutes.`,
  reenabled: (url: string, backfill: number) =>
    `The feed ${url} is enabled again${backfill > 0 ? ` (and will add its newest ${backfill} unseen items)` : ''}; it is polled within a minute.`,
  removed: (url: string) => `Stopped polling ${url}. Documents it added stay in the corpus.`,
  notFound: (url: string) => `No feed ${url} is polled. \`/readout feeds\` lists them.`,
  none: () => 'No feeds are polled. Add one with `/readout feeds add <url>` (operators).',
  needsUrl: (action: string) =>
    `\`/readout feeds ${action}\` needs the feed's address, e.g. \`/readout feeds ${action} https://example.org/rss.xml\`.`,
  heading: (count: number) => `${count} feed${count === 1 ? '' : 's'}`,
  line: (status: string, polled: string | null, next: string, failures: number) =>
    `${status}; ${polled ? `last polled ${polled}` : 'not polled yet'}; next poll ${next}${failures > 0 ? `; ${failures} failure${failures === 1 ? '' : 's'} in a row` : ''}`,
  disabled: (reason: string | null) =>
    `disabled after repeated failures: ${reason ?? 'no reason recorded'} (\`/readout feeds add\` enables it again)`,
} as const;
