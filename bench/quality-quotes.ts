/**
 * Quote extraction quality: precision/recall against the hand labels of the five seeds, then the
 * Brown news section (no labels): how many quotes, by cue position, and an evenly spaced sample of 20
 * to check by eye. Deterministic, so docs/quality.md can be reproduced:
 *   npx tsx bench/quality-quotes.ts
 */
import { loadCorpus } from '../src/core/corpus/load-corpus.js';
import { loadGazetteer } from '../src/core/names/load-gazetteer.js';
import { extractQuotes } from '../src/core/quotes/extract-quotes.js';
import { readBrownDocuments } from '../test/core/quotes/read-brown.js';
import { readLabels, scoreLabels } from '../test/core/quotes/score-labels.js';

const SEEDS = new URL('../seeds', import.meta.url).pathname;
const SAMPLE = 20;
// `--offset N` shifts the evenly spaced sample, for a second look at quotes not used while tuning.
const offsetArg = process.argv.indexOf('--offset');
const OFFSET = offsetArg > 0 ? Number(process.argv[offsetArg + 1] ?? 0) || 0 : 0;

const corpus = await loadCorpus(SEEDS);
const seedQuotes = corpus.documents.flatMap((doc) => extractQuotes(doc, corpus.gazetteer));
const score = scoreLabels(corpus, seedQuotes, readLabels());
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
console.log('## Seeds against hand labels\n');
console.log('| sentences | labelled quotes | extracted | correct | precision | recall | speaker precision | speaker recall |');
console.log('|---|---|---|---|---|---|---|---|');
console.log(
  `| ${score.sentences} | ${score.labelledQuotes} | ${score.extracted} | ${score.truePositives} | ${pct(score.precision)} | ${pct(score.recall)} | ${pct(score.speakerPrecision)} | ${pct(score.speakerRecall)} |`,
);
if (score.errors.length > 0) console.log(`\nErrors:\n${score.errors.map((error) => `- ${error}`).join('\n')}`);

const gazetteer = loadGazetteer(SEEDS);
const documents = readBrownDocuments();
const sentences = documents.reduce((sum, doc) => sum + doc.paragraphs.length, 0);
const brownQuotes = documents.flatMap((doc) => extractQuotes(doc, gazetteer, { keepUnknownSpeakers: true }));
const byPosition = new Map<string, number>();
for (const quote of brownQuotes) byPosition.set(quote.cue.position, (byPosition.get(quote.cue.position) ?? 0) + 1);
const speakers = new Set(brownQuotes.map((quote) => quote.speaker));
console.log('\n## Brown news section (ca01-ca44)\n');
console.log(`files: ${documents.length}, sentences: ${sentences}, quotes: ${brownQuotes.length}, distinct speakers: ${speakers.size}`);
console.log(`by position: ${[...byPosition].map(([position, count]) => `${position} ${count}`).join(', ')}`);
const step = Math.max(1, Math.floor(brownQuotes.length / SAMPLE));
console.log(`\n### Sample of ${SAMPLE} (every ${step}th quote from #${OFFSET})\n`);
for (let i = 0; i < SAMPLE && OFFSET + i * step < brownQuotes.length; i++) {
  const quote = brownQuotes[OFFSET + i * step]!;
  console.log(
    `${i + 1}. \`${quote.id}\` **${quote.speaker}** (${quote.cue.position}, "${quote.cue.verb}", named as "${quote.cue.speakerText}"): ${quote.text}`,
  );
  // Pronouns and continuations can only be judged with the sentences before them.
  if (quote.cue.position === 'continuation' || /^(?:he|she)$/i.test(quote.cue.speakerText)) {
    const doc = documents.find((candidate) => candidate.id === quote.docId)!;
    for (const paragraph of doc.paragraphs.slice(Math.max(0, quote.paragraph - 3), quote.paragraph)) {
      console.log(`   > ${paragraph.text.slice(0, 160)}`);
    }
  }
}
