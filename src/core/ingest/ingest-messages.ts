/** What ingest and feeds say, kept in one place so the wording changes once. */
export const ingestMessages = {
  badUrl: (url: string) => `"${url}" is not an http:// or https:// address.`,
  privateAddress: (host: string) =>
    `${host} is a loopback or private address; readout fetches only public pages (an operator can set READOUT_INGEST_ALLOW_PRIVATE=1).`,
  unreachable: (host: string, reason: string) => `${host} could not be reached (${reason}).`,
  timedOut: (ms: number) => `no answer within ${Math.round(ms / 1000)} s`,
  httpStatus: (host: string, status: number) => `${host} answered HTTP ${status}.`,
  wrongType: (type: string) => `That address serves ${type}, not a web page or text, so it is not an article readout can add.`,
  tooLarge: (max: number) => `The page is larger than ${Math.round(max / (1024 * 1024))} MB, so it was not read.`,
  tooManyRedirects: (max: number) => `The address redirects more than ${max} times.`,
  notArticle: () => 'No article text was found on that page (it looks like an index, a login or an empty page).',
  noText: () => 'There is no text to add.',
  notUtf8File: (file: string) => `${file} cannot be read as UTF-8 text or HTML.`,
  fileUnreadable: (file: string, reason: string) => `${file} cannot be read (${reason}).`,
  duplicate: (title: string, id: string, match: 'canonical_url' | 'content_hash') =>
    match === 'canonical_url'
      ? `Already in the corpus: '${title}' (${id}) has the same address.`
      : `Already in the corpus: '${title}' (${id}) has the same text.`,
  added: (title: string, facts: readonly string[]) => `Added '${title}'${facts.length ? `, ${facts.join(', ')}` : ''}.`,
  quotesBy: (count: number, speakers: readonly string[]) =>
    `${count} ${count === 1 ? 'quote' : 'quotes'}${speakers.length ? ` by ${joinNames(speakers)}` : ''}`,
  undated: () => 'no date found',
  operatorsOnly: (command: string) => `Only operators can use ${command} (READOUT_OPERATORS lists them).`,
} as const;

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
