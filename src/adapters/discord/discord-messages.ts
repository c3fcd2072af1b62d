/** Every user-facing string of the Discord adapter, so wording changes in one place. */
export const discordMessages = {
  buttonExpired: 'This button is from an older message; run the command again.',
  buttonUnknown: 'This button is from an older message; run the command again.',
  unknownCommand: (name: string) => `readout does not know /${name} yet. Try /readout help.`,
  internalError: (refId: string) => `Something went wrong on our side (reference ${refId}). Please try again in a moment.`,
  postedToChannel: 'Posted to the channel.',
  truncated: 'Shortened to fit Discord. Ask for fewer results for the full text.',
  nextPage: (page: number, pages: number) => `More results (${page}/${pages})`,
  unreachable: (reason: string) =>
    `cannot reach Discord (${reason}). Check the network, a proxy or firewall, and DISCORD_API_URL if you set it.`,
  gatewayClosed: (code: number) =>
    `the Discord gateway closed for good (code ${code}: a revoked token or disallowed intents); exiting so a supervisor can restart once it is fixed`,
  pageExpired: 'This button is from an older message; run the command again to page through the results.',
  digestManagersOnly:
    'Only members with the Manage Channels permission can subscribe, pause, resume or unsubscribe this channel’s digest. `/digest status` and `/digest preview` are open to everyone who can see the command.',
  digestNotInDirectMessages:
    'The daily digest posts to server channels, not direct messages. Run /digest in the channel that should get it.',
} as const;
