/**
 * Site chrome found in captured pages. `line` rules drop a whole line, `prefix`/`suffix` rules cut the start or end of a line.
 * A rule with `published` also yields the page's publication date (group 1, `YYYY-MM-DD`).
 */
export interface BoilerplateRule {
  name: string;
  kind: 'line' | 'prefix' | 'suffix';
  pattern: RegExp;
  published?: true;
}

// \s also covers the no-break spaces these pages use ("Home\u00a0>\u00a0China News").
export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  { name: 'date token', kind: 'prefix', pattern: /^date\s+(\d{4}-\d{2}-\d{2})(?=\s|$)/i, published: true },
  { name: 'share bar', kind: 'prefix', pattern: /^\d+\s+SHARES?\s+Share\s+Tweet(?=\s|$)/i },
  { name: 'share bar', kind: 'suffix', pattern: /(?:^|\s)\d+\s+SHARES?\s+Share\s+Tweet$/i },
  { name: 'breadcrumb', kind: 'line', pattern: /^Home(?:\s*>\s*[^>\n]{1,60})+$/ },
  { name: 'suggest link', kind: 'line', pattern: /^<\s*Suggest\s+To\s+A\s+Friend\s*>$/i },
  {
    name: 'source bar',
    kind: 'line',
    pattern: /^From:[^\n]*?\|\s*Date\s+Add\s+in:\s*(\d{4}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?[^\n]*$/i,
    published: true,
  },
  { name: 'lone date', kind: 'line', pattern: /^(\d{4}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/, published: true },
  { name: 'pipe', kind: 'line', pattern: /^\|+$/ },
  { name: 'trailing pipe', kind: 'suffix', pattern: /\s+\|+$/ },
  { name: 'markdown heading', kind: 'prefix', pattern: /^#{1,6}(?=\s)/ },
];
