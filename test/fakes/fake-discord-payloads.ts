/** Raw Discord payloads the fake sends, with every field discord.js reads when it builds its objects. */

/** Administrator-free but broad permissions, as a string bitfield. */
export const FAKE_PERMISSIONS = '2248473465835073';

const DISCORD_EPOCH = 1_420_070_400_000n;
let counter = 0n;

/** A unique, well-formed snowflake (discord.js reads timestamps out of ids), of now or of the instant given. */
export function snowflake(atMs: number = Date.now()): string {
  counter += 1n;
  return (((BigInt(Math.floor(atMs)) - DISCORD_EPOCH) << 22n) | (counter & 0x3fffffn)).toString();
}

export interface InteractionWhere {
  guildId?: string;
  channelId?: string;
  userId?: string;
  /** A direct message with the bot instead of a guild channel. */
  dm?: boolean;
  /** The member's permissions in the channel (string bitfield); default FAKE_PERMISSIONS, which lacks Manage Channels. */
  permissions?: string;
}

export interface SimpleOption {
  name: string;
  value: string | number | boolean;
  /** Discord option type; by default 3 for strings, 4 for integers, 10 for other numbers, 5 for booleans. */
  type?: number;
}

export function optionType(value: SimpleOption['value']): number {
  if (typeof value === 'boolean') return 5;
  if (typeof value === 'number') return Number.isInteger(value) ? 4 : 10;
  return 3;
}

/** The fields every interaction carries; without entitlements, authorizing_integration_owners and channel discord.js fails. */
export function interactionBase(applicationId: string, where: InteractionWhere) {
  const id = snowflake();
  const guildId = where.guildId ?? '100000000000000001';
  const channelId = where.channelId ?? '200000000000000002';
  const user = { id: where.userId ?? '300000000000000003', username: 'asker', discriminator: '0', global_name: 'Asker', avatar: null };
  const common = {
    id,
    application_id: applicationId,
    token: `token-${id}`,
    version: 1,
    channel_id: channelId,
    app_permissions: FAKE_PERMISSIONS,
    locale: 'en-US',
    entitlements: [],
    attachment_size_limit: 10_485_760,
  };
  if (where.dm) {
    return {
      ...common,
      user,
      channel: { id: channelId, type: 1, last_message_id: null, flags: 0, recipients: [user] },
      authorizing_integration_owners: { '1': user.id },
      context: 1,
    };
  }
  return {
    ...common,
    guild_id: guildId,
    guild_locale: 'en-US',
    guild: { id: guildId, locale: 'en-US', features: [] },
    member: {
      user,
      roles: [],
      joined_at: new Date(0).toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      permissions: where.permissions ?? FAKE_PERMISSIONS,
      avatar: null,
      nick: null,
      premium_since: null,
      communication_disabled_until: null,
    },
    channel: {
      id: channelId,
      type: 0,
      guild_id: guildId,
      name: 'general',
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: 0,
    },
    authorizing_integration_owners: { '0': guildId },
    context: 0,
  };
}

/** A message object as Discord returns it after a post or an edit. */
// biome-ignore lint/suspicious/noExplicitAny: echoes an arbitrary request body
export function fakeMessage(options: { channelId: string; author: unknown; body: any; atMs?: number }) {
  return {
    id: snowflake(options.atMs),
    channel_id: options.channelId,
    author: options.author,
    content: options.body?.content ?? '',
    timestamp: new Date(options.atMs ?? Date.now()).toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: options.body?.embeds ?? [],
    pinned: false,
    type: 0,
    flags: options.body?.flags ?? 0,
    components: options.body?.components ?? [],
    ...(options.body?.nonce ? { nonce: options.body.nonce } : {}),
  };
}

/** A guild as GUILD_CREATE delivers it, for READY payloads that list guilds. */
export function fakeGuild(id: string): unknown {
  return {
    id,
    name: `guild ${id}`,
    icon: null,
    owner_id: snowflake(),
    unavailable: false,
    member_count: 1,
    large: false,
    joined_at: new Date(0).toISOString(),
    features: [],
    roles: [
      {
        id,
        name: '@everyone',
        permissions: FAKE_PERMISSIONS,
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    channels: [],
    threads: [],
    members: [],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    preferred_locale: 'en-US',
    system_channel_flags: 0,
  };
}
