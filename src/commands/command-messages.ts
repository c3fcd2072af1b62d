import { echoInput } from '../core/text/echo-input.js';

/** Every user-facing message of the command layer, so wording changes in one place. */
export const commandMessages = {
  unknownCommand: (name: string, known: string[], nearest?: string) =>
    nearest
      ? `There is no command \`${name}\`. Did you mean \`/${nearest}\`? (\`/help\` lists them all.)`
      : `There is no command \`${name}\`. Try one of: ${known.map((k) => `/${k}`).join(', ')}, or \`/help\`.`,
  unknownOption: (command: string, option: string, known: string[]) =>
    `\`/${command}\` has no option \`--${option}\`. It accepts: ${known.map((k) => `--${k}`).join(', ')}.`,
  missingValue: (command: string, option: string) => `\`--${option}\` needs a value, e.g. \`/${command} --${option} ...\`.`,
  emptyValue: (command: string, option: string) => `\`${option}\` is empty; give it a value, or leave it out. See \`/help ${command}\`.`,
  notANumber: (option: string, value: string) => `\`${option}\` takes a whole number; \`${truncate(value, 40)}\` is not one.`,
  notABoolean: (option: string, value: string) => `\`${option}\` is a yes/no switch; \`${truncate(value, 40)}\` is neither.`,
  tooManyWords: (command: string, extra: string) => `\`/${command}\` did not expect \`${truncate(extra, 60)}\`. See \`/help ${command}\`.`,
  invalidValue: (option: string, detail: string) => `\`${option}\`: ${detail}`,
  tooLong: (command: string, option: string, length: number, max: number) =>
    `\`${option}\` is too long for \`/${command}\`: ${length.toLocaleString('en-US')} characters, and it takes at most ${max.toLocaleString('en-US')}. Shorten it and try again.`,
  missingOption: (command: string, option: string, usage: string) => `\`/${command}\` needs ${option}. Usage: \`${usage}\``,
  internalError: (refId: string) => `Something went wrong on our side. It has been logged with reference \`${refId}\`; please try again.`,
  unknownSubcommand: (command: string, known: string[], nearest?: string) =>
    `${nearest ? `Did you mean \`/${command} ${nearest}\`? ` : ''}\`/${command}\` takes one of: ${known.join(', ')}.`,
  unknownCliCommand: (name: string, nearest?: string) =>
    `readout has no command "${name}".${nearest ? ` Did you mean "readout ${nearest}"?` : ''}`,
  digestAccessUnknown:
    'Only the bot’s operator can change this channel’s digest here. `/digest status` and `/digest preview` are open to everyone.',
} as const;

function truncate(text: string, max: number): string {
  return echoInput(text, max);
}

/** Messages of the corpus and reload commands. */
export const corpusCommandMessages = {
  operatorsOnly: (command: string) =>
    `Only operators may run \`/${command}\`: the console, the command line, and the chat users listed in READOUT_OPERATORS. Ask whoever runs the bot to add your user id there, or to send it SIGHUP.`,
  notLive: () =>
    'This process has no running bot to reload. Reload a running bot with `/readout reload` in chat or its console, or `kill -HUP <pid>`; it also reloads by itself when the seeds folder changes.',
  reloaded: (documents: number, added: string[], removed: string[], changed: string[], seconds: string) =>
    `Reloaded in ${seconds} s: ${documents} documents${describeChanges(added, removed, changed)}.`,
  unchanged: (documents: number) => `Nothing changed in the seeds folder; still serving ${documents} documents.`,
  failed: (reason: string, documents: number) =>
    `The reload failed, so the bot still serves the previous ${documents} documents: ${reason}`,
  skipped: (count: number) => `${count} file${count === 1 ? '' : 's'} skipped (see \`/readout corpus\`).`,
  heading: (documents: number, skipped: number) =>
    `Corpus: ${documents} document${documents === 1 ? '' : 's'}${skipped ? `, ${skipped} file${skipped === 1 ? '' : 's'} skipped` : ''}`,
  more: (shown: number, total: number) => `Showing ${shown} of ${total} documents; \`readout corpus\` on the command line lists them all.`,
  reloading: () => 'A reload is running; the previous corpus answers until it is ready.',
  lastReload: (text: string) => `Last reload: ${text}`,
} as const;

function describeChanges(added: string[], removed: string[], changed: string[]): string {
  const parts: string[] = [];
  const list = (ids: string[]) => (ids.length > 5 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more` : ids.join(', '));
  if (added.length) parts.push(`${added.length} added (${list(added)})`);
  if (changed.length) parts.push(`${changed.length} changed (${list(changed)})`);
  if (removed.length) parts.push(`${removed.length} removed (${list(removed)})`);
  return parts.length ? `, ${parts.join(', ')}` : '';
}
