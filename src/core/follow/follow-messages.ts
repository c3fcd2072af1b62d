/** What following new readouts says, in one place. */
export const followMessages = {
  heading: 'New readout',
  followed: (filter: string, replaced: boolean) =>
    `${replaced ? 'Updated' : 'Following'}: this channel is told about every new readout${filter ? ` that matches ${filter}` : ''}. /readout unfollow stops it.`,
  unfollowed: 'Unfollowed: this channel is no longer told about new readouts.',
  notFollowing: 'This channel follows no readouts. /readout follow person:ruto (or country:, words, or nothing for all) starts.',
  notInChannel: 'New readouts are posted to channels; run this from the console or a Slack/Discord channel.',
  listHeading: 'Channels told about new readouts',
  listLine: (filter: string) => (filter ? `follows ${filter}` : 'follows every new readout'),
  listMore: (count: number) => `and ${count} more`,
  pausedNote: (reason: string | null) => ` (paused${reason ? `: ${reason}` : ''}; /readout follow in that channel resumes it)`,
  fallback: (title: string) => `New readout: ${title}`,
  mentions: (people: readonly string[]) => `People: ${people.join(', ')}`,
} as const;
