import { z } from 'zod';
import type { Follow, FollowInput } from '../core/store/follow-types.js';

const id = z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(200, 'is longer than 200 characters');

/** One follow line of `readout digest export` / `import`: `kind: "follow"` tells it from a subscription line. */
export const followLineSchema = z.object({
  kind: z.literal('follow'),
  platform: z.enum(['slack', 'discord', 'console'], { error: 'must be slack, discord or console' }),
  workspace: id,
  channel: id,
  filter: z.string({ error: 'must be a string' }).max(500, 'is longer than 500 characters'),
  createdBy: id,
  /** Present only for a follow readout paused (its channel gone, the app uninstalled): it stays paused after an import. */
  status: z.enum(['active', 'paused'], { error: 'must be active or paused' }).optional(),
  pausedReason: z.string({ error: 'must be a string' }).max(500, 'is longer than 500 characters').nullable().optional(),
});

export type FollowLine = z.infer<typeof followLineSchema>;

/** The export form of a follow: exactly the fields an import reads back. */
export function toFollowLine(follow: Follow): FollowLine {
  return {
    kind: 'follow',
    platform: follow.platform,
    workspace: follow.workspace,
    channel: follow.channel,
    filter: follow.filter,
    createdBy: follow.createdBy,
    ...(follow.status === 'paused' ? { status: 'paused' as const, pausedReason: follow.pausedReason } : {}),
  };
}

/** Undefined when the line is no follow line (a subscription, or not JSON); else the follow, or what is wrong with it. */
export function parseFollowLine(
  text: string,
): { ok: true; follow: FollowInput; pausedReason?: string | null } | { ok: false; problem: string } | undefined {
  // Most lines are subscriptions: only a line that names the kind is parsed twice.
  if (!text.includes('"kind"')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || (value as { kind?: unknown }).kind !== 'follow') return undefined;
  const parsed = followLineSchema.safeParse(value);
  if (!parsed.success)
    return { ok: false, problem: parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ') };
  const { kind: _kind, status, pausedReason, ...follow } = parsed.data;
  return { ok: true, follow, ...(status === 'paused' ? { pausedReason: pausedReason ?? null } : {}) };
}
