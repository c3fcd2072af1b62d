import { createInterface } from 'node:readline';
import { lookupJson } from '../commands/lookup-command.js';
import { commands } from '../commands/registry.js';
import { validateOptions } from '../commands/validate-options.js';
import { UserError } from '../core/user-error.js';
import { parseCliArgs } from './cli-args.js';
import { openCliRuntime } from './cli-runtime.js';
import { printJson } from './print-json.js';
import { runDeclaredCommand } from './run-declared-command.js';

/**
 * `readout lookup <query...>`; with no query and stdin not a terminal, batch mode: one query per line in,
 * one JSON line per query out, with the index built once.
 */
export async function runLookupCli(argv: string[]): Promise<number> {
  const command = commands.find((c) => c.name === 'lookup')!;
  const args = parseCliArgs(command, argv);
  if (args.options['query'] !== undefined || args.help || process.stdin.isTTY) {
    if (args.options['query'] === undefined && !args.help) {
      throw new UserError('missing_query', 'readout lookup needs a query, e.g. readout lookup belt and road (or pipe one query per line).');
    }
    return runDeclaredCommand(commands, command, argv);
  }
  const runtime = await openCliRuntime({ seeds: args.seeds, json: true });
  const paging = validateOptions(command, { ...args.options, query: 'batch' });
  const limit = paging['limit'] as number;
  const offset = paging['offset'] as number;
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    // A blank line still gets its own output line (an empty-query error), so outputs stay aligned with inputs.
    const query = line.trim();
    try {
      printJson(lookupJson(runtime.services.search.search(query, { limit, offset })), true);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      printJson({ query, total: 0, hits: [], error: { code: error.code, message: error.message } }, true);
    }
  }
  await runtime.services.store.close();
  return 0;
}
