import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/commands/parse-text.js';
import { commands } from '../../src/commands/registry.js';
import { validateOptions } from '../../src/commands/validate-options.js';
import { UserError } from '../../src/core/user-error.js';

const command = (name: string) => commands.find((c) => c.name === name)!;

describe('parseText', () => {
  it.each([
    ['lookup', 'belt and road', { query: 'belt and road' }],
    ['lookup', '"shared future" person:ruto', { query: '"shared future" person:ruto' }],
    ['lookup', 'belt --limit 3 and road', { query: 'belt and road', limit: '3' }],
    ['lookup', 'belt and road --offset=5 --public', { query: 'belt and road', offset: '5', public: 'true' }],
    ['quote', 'xi jinping --about trade', { speaker: 'xi jinping', about: 'trade' }],
    ['quote', '--random', { random: 'true' }],
    ['quote', '--about "trade wars"', { about: 'trade wars' }],
    ['digest', 'subscribe 09:00 Asia/Almaty', { action: 'subscribe', time: '09:00', timezone: 'Asia/Almaty' }],
    ['digest', '', {}],
    ['doc', '002 2-4', { id: '002', paragraphs: '2-4' }],
    ['onthisday', '2026-04-24 --tz Europe/London', { date: '2026-04-24', tz: 'Europe/London' }],
    ['help', 'quote', { command: 'quote' }],
  ])('%s %s', (name, text, expected) => {
    expect(parseText(command(name), text)).toEqual(expected);
  });

  it.each([
    ['lookup', 'belt --colour red', 'unknown_option', /has no option `--colour`.*--limit/],
    ['lookup', 'belt --limit', 'missing_value', /--limit` needs a value/],
    ['digest', 'subscribe 09:00 Asia/Almaty extra words', 'unexpected_words', /did not expect `extra words`/],
    ['doc', '002 1-2 3', 'unexpected_words', /did not expect `3`/],
  ])('%s %s is a friendly UserError', (name, text, code, message) => {
    const attempt = () => parseText(command(name), text);
    expect(attempt).toThrow(UserError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as UserError).code).toBe(code);
    }
  });
});

describe('validateOptions', () => {
  it.each([
    ['lookup', { query: 'x', limit: '3' }, { query: 'x', limit: 3, offset: 0, public: false }],
    ['lookup', { query: 'x', public: 'yes' }, { query: 'x', limit: 5, offset: 0, public: true }],
    ['digest', { action: 'SUBSCRIBE', time: '09:00' }, { action: 'subscribe', time: '09:00' }],
    ['quote', { speaker: 'ruto', limit: 2 }, { speaker: 'ruto', limit: 2, random: false, all: false, public: false }],
  ])('%s %j', (name, raw, expected) => {
    expect(validateOptions(command(name), raw)).toEqual(expected);
  });

  it.each([
    ['lookup', { query: 'x', limit: 'abc' }, /`limit` takes a whole number/],
    ['lookup', { query: 'x', limit: '500' }, /limit`: must be at most 50/],
    ['lookup', { query: 'x', limit: '0' }, /limit`: must be at least 1/],
    ['lookup', {}, /needs query/],
    ['lookup', { query: 'x', public: 'maybe' }, /yes\/no switch/],
    ['digest', { action: 'explode' }, /must be one of subscribe, unsubscribe/],
    ['doc', { id: '002', paragraphs: 'x-y' }, /paragraph number or a range/],
    ['lookup', { query: 'x'.repeat(10_001) }, /too long/],
  ])('%s %j is rejected with a message that says what works', (name, raw, message) => {
    expect(() => validateOptions(command(name), raw)).toThrow(message);
  });
});
