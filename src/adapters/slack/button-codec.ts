import { type ActionTable, type ActionTableOptions, createActionTable } from '../../commands/action-table.js';
import type { Clock } from '../../core/clock.js';
import type { Action, Button, Reply } from '../../core/reply.js';
import { slackLimits } from './slack-limits.js';

/** What a clicked button asks for: re-run a command, or show the rest of a cut message. */
export type ButtonIntent = { kind: 'action'; action: Action } | { kind: 'page'; rest: Reply };

export type DecodedButton = { ok: true; intent: ButtonIntent } | { ok: false; reason: 'expired' | 'unreadable' };

/** Turns button intents into Slack button values and back; long ones are parked in an action table. */
export interface ButtonCodec {
  encode(button: Button): string;
  encodePage(rest: Reply): string;
  /** Reads a button value; a parked intent is looked up in memory, then in the store (another process may have parked it). */
  decode(value: string): Promise<DecodedButton>;
}

type Wire = { k: 'a'; c: string; a: string } | { k: 't'; i: string };

/** A button value carrying its action itself, decodable by any process (digest posts use only these). */
export function inlineButtonValue(action: Action): string {
  return JSON.stringify({ k: 'a', c: action.command, a: action.args } satisfies Wire);
}

export function createButtonCodec(
  options: { clock: Clock; maxEntries?: number; ttlMs?: number } & Pick<ActionTableOptions, 'store' | 'onStoreError'>,
): ButtonCodec {
  const table: ActionTable<ButtonIntent> = createActionTable({
    maxEntries: options.maxEntries ?? 2000,
    ttlMs: options.ttlMs ?? 6 * 60 * 60 * 1000,
    clock: options.clock,
    namespace: 'slack',
    ...(options.store ? { store: options.store } : {}),
    ...(options.onStoreError ? { onStoreError: options.onStoreError } : {}),
  });
  const park = (intent: ButtonIntent) => JSON.stringify({ k: 't', i: table.put(intent) } satisfies Wire);
  return {
    encode(button: Button): string {
      const inline = inlineButtonValue(button.action);
      return inline.length <= slackLimits.buttonValue ? inline : park({ kind: 'action', action: button.action });
    },
    encodePage(rest: Reply): string {
      return park({ kind: 'page', rest });
    },
    async decode(value: string): Promise<DecodedButton> {
      let wire: unknown;
      try {
        wire = JSON.parse(value);
      } catch {
        return { ok: false, reason: 'unreadable' };
      }
      if (!wire || typeof wire !== 'object') return { ok: false, reason: 'unreadable' };
      const w = wire as Record<string, unknown>;
      if (w['k'] === 'a' && typeof w['c'] === 'string' && typeof w['a'] === 'string') {
        return { ok: true, intent: { kind: 'action', action: { command: w['c'], args: w['a'] } } };
      }
      if (w['k'] === 't' && typeof w['i'] === 'string') {
        const intent = await table.load(w['i']);
        return intent ? { ok: true, intent } : { ok: false, reason: 'expired' };
      }
      return { ok: false, reason: 'unreadable' };
    },
  };
}
