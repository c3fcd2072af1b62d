import { writeFileSync } from 'node:fs';
import { commands } from '../commands/registry.js';
import { buildTimeline, type TimelineOptions, timelineCommand, timelineJson } from '../commands/timeline-command.js';
import { validateOptions } from '../commands/validate-options.js';
import { drawTimelineSvg, renderPng, type Timeline, timelineMessages } from '../core/timeline/index.js';
import { UserError } from '../core/user-error.js';
import { parseCliArgs } from './cli-args.js';
import { openCliRuntime } from './cli-runtime.js';
import { runDeclaredCommand } from './run-declared-command.js';

const PICTURE_FLAGS = { svg: { type: 'string' }, png: { type: 'string' }, csv: { type: 'boolean' } } as const;

/**
 * `readout timeline <query>`: text bars by default, `--json` for the counts, `--csv` for a spreadsheet,
 * `--svg FILE` / `--png FILE` for the picture the chat adapters upload (`-` writes the SVG to stdout).
 */
export async function runTimelineCli(argv: string[]): Promise<number> {
  const args = parseCliArgs(timelineCommand, argv, PICTURE_FLAGS);
  const svg = args.extra['svg'];
  const png = args.extra['png'];
  const csv = args.extra['csv'] === true;
  if (args.help || (svg === undefined && png === undefined && !csv)) return runDeclaredCommand(commands, timelineCommand, argv);
  if (args.options['query'] === undefined) throw new UserError('missing_query', timelineMessages.cliNeedsQuery);
  if (png === '-') throw new UserError('png_to_terminal', timelineMessages.pngNeedsFile);
  const options = validateOptions(timelineCommand, args.options) as TimelineOptions;
  const runtime = await openCliRuntime({ seeds: args.seeds, json: true });
  try {
    const timeline = buildTimeline(options, runtime.services.search);
    if (timeline.total.passages === 0) process.stderr.write(`${timelineMessages.nothing(timeline.query)}\n`);
    if (csv) process.stdout.write(timelineCsv(timeline));
    const picture = drawTimelineSvg(timeline);
    if (typeof svg === 'string') {
      if (svg === '-') process.stdout.write(`${picture}\n`);
      else writeFileSync(svg, `${picture}\n`);
    }
    if (typeof png === 'string') writeFileSync(png, renderPng(picture));
    if (args.json) process.stdout.write(`${JSON.stringify(timelineJson(timeline), null, 2)}\n`);
    return timeline.total.passages === 0 ? 1 : 0;
  } finally {
    await runtime.services.store.close();
  }
}

/** `period,from,to,documents,passages`, one row per bar. */
export function timelineCsv(timeline: Timeline): string {
  const rows = timeline.periods.map((p) => [p.period, p.from, p.to, p.documents, p.passages].join(','));
  return `${['period,from,to,documents,passages', ...rows].join('\n')}\n`;
}
