/** Every user-facing message of the command layer, so wording changes in one place. */
export const commandMessages = {
  unknownCommand: (name: string, known: string[]) =>
    `There is no command \`${name}\`. Try one of: ${known.map((k) => `/${k}`).join(', ')}, or \`/help\`.`,
  unknownOption: (command: string, option: string, known: string[]) =>
    `\`/${command}\` has no option \`--${option}\`. It accepts: ${known.map((k) => `--${k}`).join(', ')}.`,
  missingValue: (command: string, option: string) => `\`--${option}\` needs a value, e.g. \`/${command} --${option} ...\`.`,
  emptyValue: (command: string, option: string) => `\`${option}\` is empty; give it a value, or leave it out. See \`/help ${command}\`.`,
  notANumber: (option: string, value: string) => `\`${option}\` takes a whole number; \`${truncate(value, 40)}\` is not one.`,
  notABoolean: (option: string, value: string) => `\`${option}\` is a yes/no switch; \`${truncate(value, 40)}\` is neither.`,
  tooManyWords: (command: string, extra: string) => `\`/${command}\` did not expect \`${truncate(extra, 60)}\`. See \`/help ${command}\`.`,
  invalidValue: (option: string, detail: string) => `\`${option}\`: ${detail}`,
  missingOption: (command: string, option: string, usage: string) => `\`/${command}\` needs ${option}. Usage: \`${usage}\``,
  internalError: (refId: string) => `Something went wrong on our side. It has been logged with reference \`${refId}\`; please try again.`,
  unknownSubcommand: (command: string, known: string[]) => `\`/${command}\` takes one of: ${known.join(', ')}.`,
  digestAccessUnknown:
    'Only the bot’s operator can change this channel’s digest here. `/digest status` and `/digest preview` are open to everyone.',
} as const;

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
