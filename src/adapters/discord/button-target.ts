import type { ActionTable } from '../../commands/action-table.js';
import type { Action, Button } from '../../core/reply.js';
import { stripUnsafeCharacters } from '../../core/text/strip-unsafe-characters.js';
import { discordLimits } from './discord-limits.js';

/** What a button does when clicked: re-run a command, or show another page of a long reply. */
export type ButtonTarget = { kind: 'action'; button: Button['id']; action: Action } | { kind: 'page'; pagesKey: string; page: number };

export type DecodedTarget = { ok: true; target: ButtonTarget } | { ok: false; reason: 'expired' | 'unknown' };

const BUTTON_IDS: readonly Button['id'][] = ['more', 'shuffle', 'post', 'open', 'share'];

/**
 * Encodes a target into a custom_id. Actions travel inline (`a:<button>:<command>:<args>`) when they fit
 * Discord's 100 characters, so such buttons survive a restart; longer ones go into the bounded table (`t:<key>`).
 */
export function encodeButtonTarget(target: ButtonTarget, table: ActionTable<ButtonTarget>): string {
  if (target.kind === 'page') return `p:${target.pagesKey}:${target.page}`;
  const inline = `a:${target.button}:${target.action.command}:${target.action.args}`;
  // Discord sends custom_ids back as UTF-8, which cannot carry a lone surrogate; controls go to the table too.
  if (inline.length <= discordLimits.customId && !target.action.command.includes(':') && stripUnsafeCharacters(inline) === inline)
    return inline;
  return `t:${table.put(target)}`;
}

/** Reads a custom_id written by encodeButtonTarget; a `t:` key is looked up in memory, then in the store. */
export async function decodeButtonTarget(customId: string, table: ActionTable<ButtonTarget>): Promise<DecodedTarget> {
  const [kind] = customId.split(':', 1);
  const body = customId.slice(2);
  if (kind === 'a') {
    const first = body.indexOf(':');
    const second = body.indexOf(':', first + 1);
    const button = body.slice(0, first) as Button['id'];
    if (first < 0 || second < 0 || !BUTTON_IDS.includes(button)) return { ok: false, reason: 'unknown' };
    return {
      ok: true,
      target: { kind: 'action', button, action: { command: body.slice(first + 1, second), args: body.slice(second + 1) } },
    };
  }
  if (kind === 't') {
    const target = await table.load(body);
    return target ? { ok: true, target } : { ok: false, reason: 'expired' };
  }
  if (kind === 'p') {
    const colon = body.lastIndexOf(':');
    const page = Number(body.slice(colon + 1));
    if (colon < 0 || !Number.isInteger(page) || page < 0) return { ok: false, reason: 'unknown' };
    return { ok: true, target: { kind: 'page', pagesKey: body.slice(0, colon), page } };
  }
  return { ok: false, reason: 'unknown' };
}
