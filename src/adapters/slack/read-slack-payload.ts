import { z } from 'zod';

/**
 * Slack's form bodies are parsed (by Bolt, from the bytes it verified) with repeated keys as arrays
 * (`text=a&text=b` gives `['a', 'b']`), which no handler expects. The fields a handler reads are reduced to
 * their first value and type-checked here, at the edge, so a malformed body is answered rather than thrown on.
 */
const id = z.string().min(1).max(255);

const slashCommand = z.object({
  command: z.string().regex(/^\/\S{1,64}$/),
  text: z.string().max(12_000).default(''),
  team_id: id,
  channel_id: id,
  user_id: id,
  /** `directmessage` in a DM, `mpdm-…` in a group DM: where no digest may be subscribed. */
  channel_name: z.string().max(255).optional(),
  response_url: z.string().url().max(2_000),
  trigger_id: id.optional(),
});

export type SlashCommandFields = z.infer<typeof slashCommand>;

export type ReadResult<T> = { ok: true; value: T } | { ok: false; field: string };

/** A slash command body (form fields or a Socket Mode payload), its first values taken and its types checked. */
export function readSlashCommand(body: unknown): ReadResult<SlashCommandFields> {
  const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const first: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries(record)) first[key] = Array.isArray(value) ? value[0] : value;
  const parsed = slashCommand.safeParse(first);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, field: String(parsed.error.issues[0]?.path[0] ?? 'body') };
}
