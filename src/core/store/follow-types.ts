import type { ChannelRef } from './store-types.js';

/** A channel told about new readouts that match its filters (the `/lookup` syntax; empty = every new readout). */
export interface Follow extends ChannelRef {
  /** Lookup filters and words, as typed: `person:ruto country:kenya trade`. */
  filter: string;
  /** Who followed: a chat user id or a local user name. */
  createdBy: string;
  /** When it was created or last changed (database time, ISO); only documents added since are announced to it. */
  createdAt: string;
  /** `paused` when readout stopped posting to it (the channel is gone, the app was uninstalled); a new follow resumes it. */
  status: 'active' | 'paused';
  /** Why readout paused it, when it did. */
  pausedReason: string | null;
}

export type FollowInput = Omit<Follow, 'createdAt' | 'status' | 'pausedReason'>;

/** The follows of channels: one per channel, replaced by a new `/readout follow`. */
export interface FollowStorePort {
  /** Creates or replaces the channel's follow (active again if it was paused); `created` says whether the channel had none. */
  upsertFollow(follow: FollowInput): Promise<{ follow: Follow; created: boolean }>;
  /** Removes the channel's follow; false when it had none. */
  removeFollow(ref: ChannelRef): Promise<boolean>;
  getFollow(ref: ChannelRef): Promise<Follow | undefined>;
  /** Pauses (with the reason) or resumes the channel's follow, keeping its filter; false when it has none. */
  setFollowStatus(ref: ChannelRef, status: Follow['status'], reason?: string): Promise<boolean>;
  /** Follows in (platform, workspace, channel) order, narrowed to a platform or a workspace. */
  listFollows(filter?: Partial<Pick<ChannelRef, 'platform' | 'workspace'>>): Promise<Follow[]>;
}
