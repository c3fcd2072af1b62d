import { UserError } from '../core/user-error.js';
import type { AnyCommand } from './command.js';
import { commandMessages } from './command-messages.js';
import { describeOptions, type OptionSpec } from './describe-options.js';

interface Token {
  text: string;
  /** The token as typed, quotes included, so a rest option keeps `"exact phrases"`. */
  raw: string;
}

const TOKEN = /"[^"]*"?|“[^”]*”?|\S+/g;

/**
 * Turns typed text (`belt and road --limit 3`) into raw option values for a command:
 * `--name value` / `--name=value` flags anywhere, bare words into positional options in order,
 * the `rest` option taking every remaining word as typed. Values are still strings; validation follows.
 */
export function parseText(command: AnyCommand, text: string): Record<string, unknown> {
  const specs = describeOptions(command);
  const byName = new Map(specs.map((spec) => [spec.name.toLowerCase(), spec]));
  const values: Record<string, unknown> = Object.create(null);
  const words: Token[] = [];
  const tokens = tokenize(text);

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!token.raw.startsWith('--') || token.raw.length < 3) {
      words.push(token);
      continue;
    }
    const [flag, inline] = splitFlag(token.raw.slice(2));
    const spec = byName.get(flag.toLowerCase().replace(/-/g, ''));
    if (!spec) {
      throw new UserError(
        'unknown_option',
        commandMessages.unknownOption(
          command.name,
          flag,
          specs.map((s) => s.name),
        ),
      );
    }
    if (spec.type === 'boolean') {
      values[spec.name] = inline ?? 'true';
    } else if (inline !== undefined) {
      values[spec.name] = inline;
    } else {
      const next = tokens[i + 1];
      if (!next) throw new UserError('missing_value', commandMessages.missingValue(command.name, spec.name));
      values[spec.name] = next.text;
      i++;
    }
  }

  assignPositionals(command, specs, words, values);
  return values;
}

function assignPositionals(command: AnyCommand, specs: OptionSpec[], words: Token[], values: Record<string, unknown>): void {
  const positional = command.positional
    .map((name) => specs.find((spec) => spec.name === name))
    .filter((spec): spec is OptionSpec => spec !== undefined && values[spec.name] === undefined);
  let index = 0;
  for (const spec of positional) {
    if (index >= words.length) return;
    if (spec.rest) {
      values[spec.name] = words
        .slice(index)
        .map((word) => word.raw)
        .join(' ');
      index = words.length;
      return;
    }
    values[spec.name] = words[index]!.text;
    index++;
  }
  if (index < words.length) {
    const extra = words
      .slice(index)
      .map((word) => word.raw)
      .join(' ');
    throw new UserError('unexpected_words', commandMessages.tooManyWords(command.name, extra));
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    tokens.push({ raw, text: unquote(raw) });
  }
  return tokens;
}

function unquote(raw: string): string {
  if ((raw.startsWith('"') || raw.startsWith('“')) && raw.length >= 1) {
    return raw.replace(/^["“]/, '').replace(/["”]$/, '');
  }
  return raw;
}

function splitFlag(body: string): [string, string | undefined] {
  const eq = body.indexOf('=');
  return eq === -1 ? [body, undefined] : [body.slice(0, eq), body.slice(eq + 1)];
}
