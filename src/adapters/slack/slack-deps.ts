import type { AnyCommand, DigestAccess, Services } from '../../commands/command.js';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { ButtonCodec } from './button-codec.js';
import type { PictureUploader } from './upload-picture.js';

/** What the Slack handlers share: the declarations, the services, and the button table of this process. */
export interface SlackDeps {
  commands: readonly AnyCommand[];
  services: Services;
  clock: Clock;
  codec: ButtonCodec;
  logger: Logger;
  /** Who may change the digest of the channel asked from. */
  digestAccess: (where: SlackWhere) => DigestAccess;
  /** The workspace key of a request: the team id, or in distribution mode enterprise and team (`E…:T…`). */
  workspaceId: (enterpriseId: string | undefined, teamId: string) => string;
  /** Shares a public reply's picture (a timeline chart) in the channel. */
  uploadPicture?: PictureUploader;
  /** Whether a payload's response_url is one readout may answer on (Slack's hook hosts, or SLACK_API_URL's host). */
  responseUrlAllowed: (url: unknown) => boolean;
}

/** Who asks and where, as Slack's payloads name them. */
export interface SlackWhere {
  team: string;
  channel: string;
  user: string;
  /** The slash command's `channel_name`: `directmessage` for a DM, `mpdm-…` for a group DM. */
  channelName?: string;
}
