import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { describeCorpus } from '../core/corpus/describe-corpus.js';
import { loadCorpus } from '../core/corpus/load-corpus.js';
import { UserError } from '../core/user-error.js';
import { openStore } from '../store/open-store.js';
import { printJson } from './print-json.js';

/** `readout corpus [--json] [--seeds DIR]`: every document served (folder and store) with its extracted metadata and warnings. */
export async function runCorpusCommand(argv: string[]): Promise<number> {
  let values: { json?: boolean; seeds?: string };
  try {
    values = parseArgs({ args: argv, options: { json: { type: 'boolean' }, seeds: { type: 'string' } }, strict: true }).values;
  } catch (error) {
    throw new UserError(
      'bad_arguments',
      `readout corpus accepts --json and --seeds DIR (${error instanceof Error ? error.message : error}).`,
    );
  }
  const config = loadConfig(undefined, values.seeds ? { READOUT_SEEDS: values.seeds } : {});
  // The corpus the bot serves: the folder plus the documents added to the store (readout ingest, /readout add, feeds).
  const store = await openStore(config.DATABASE_URL);
  const stored = await store.listDocuments().finally(() => store.close());
  const corpus = await loadCorpus(config.READOUT_SEEDS, { stored: stored.map(({ id, text, sidecar }) => ({ id, text, sidecar })) });
  const description = describeCorpus(corpus);
  if (values.json) {
    printJson(description);
    return 0;
  }
  const lines: string[] = [];
  for (const doc of description.documents) {
    lines.push(`${doc.id}  ${doc.eventDate ?? 'undated   '}  ${doc.title}`);
    lines.push(
      `    ${[doc.place, doc.source].filter(Boolean).join(' · ') || 'no place or source'} · ${doc.paragraphs} paragraphs, ${doc.sentences} sentences`,
    );
    if (doc.people.length) lines.push(`    people: ${doc.people.join(', ')}`);
    for (const warning of doc.warnings) lines.push(`    warning: ${warning}`);
  }
  for (const warning of description.warnings) lines.push(`skipped ${warning.file}: ${warning.reason}`);
  lines.push(
    `${description.documents.length} documents in ${corpus.dir}${description.warnings.length ? `, ${description.warnings.length} skipped` : ''}.`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
