/** Every user-facing message of the Slack adapter, so wording changes in one place. */
export const slackMessages = {
  moreResults: 'More results',
  continued: (hidden: number) => `Cut to fit one Slack message: ${hidden} more item${hidden === 1 ? '' : 's'} behind “More results”.`,
  cut: (hidden: number) => `${hidden} more item${hidden === 1 ? '' : 's'} did not fit in one Slack message.`,
  pictureNeedsInvite:
    'The chart could not be posted here: invite the bot to this channel (/invite @readout) and run the command again. The counts are above.',
  pictureFailed: (refId: string) => `The chart could not be uploaded (reference ${refId}); the counts are above.`,
  buttonExpired: 'This button is from an older message; run the command again.',
  buttonUnreadable: 'This button is from an older message; run the command again.',
  malformedRequest: 'Slack sent this command in a form readout cannot read (a field was missing or malformed). Please type it again.',
  digestManagersOnly:
    'Only workspace admins and owners (and members the bot’s operator lists in READOUT_DIGEST_MANAGERS) can subscribe, pause, resume or unsubscribe this channel’s digest. `/digest status` and `/digest preview` are open to everyone.',
  digestRoleUnknown:
    'Slack did not tell us whether you are a workspace admin, so the digest was left as it is. Please try again in a moment, or ask an admin.',
  digestNotInDirectMessages:
    'The daily digest posts to channels, not direct messages or group DMs. Run /digest subscribe in the channel that should get it.',
  missingSigningSecret:
    'SLACK_SIGNING_SECRET is empty: HTTP mode needs the signing secret from your Slack app’s Basic Information page (or set SLACK_APP_TOKEN for Socket Mode).',
  missingBotToken: 'SLACK_BOT_TOKEN is empty: copy the Bot User OAuth Token from your Slack app’s OAuth & Permissions page.',
  authFailed: (reason: string) =>
    `Slack did not accept SLACK_BOT_TOKEN (${reason}). Copy the Bot User OAuth Token (xoxb-…) from your Slack app’s OAuth & Permissions page, and check SLACK_API_URL if you set it.`,
  unreachable: (reason: string) =>
    `cannot reach Slack (${reason}). Check the network, a proxy or firewall, and SLACK_API_URL if you set it.`,
  socketFailed: (reason: string) =>
    `Socket Mode could not connect (${reason}). SLACK_APP_TOKEN must be an app-level token (xapp-…) with the connections:write scope, and Socket Mode must be on in the app’s settings.`,
  installationWithoutTeam: 'a Slack installation names neither a workspace nor an org',
  notInstalled: (key: string) =>
    `readout is not installed in ${key.startsWith('E:') ? 'org' : 'workspace'} ${key.slice(2)} (or was uninstalled)`,
  // Why a workspace's digests paused (shown by /digest status and `readout digest list`); a reinstall resumes them.
  pausedUninstalled: 'readout was uninstalled from this workspace; installing it again resumes the digest',
  pausedTokensRevoked: 'this workspace revoked readout’s token; installing it again resumes the digest',
} as const;
