/** What `readout slack …` prints, in one place. */
export const slackCliMessages = {
  usage: 'Usage: readout slack installations [--json] | readout slack rotate-key',
  noInstallations: 'No Slack installations yet: in distribution mode, a workspace installs readout at /slack/install.',
  noTokenKey: 'Set READOUT_TOKEN_KEY to the new key first, followed by the old one (new,old), then run readout slack rotate-key again.',
  rotated: (resealed: number, current: number, keyId: string) =>
    `Re-sealed ${resealed} installation${resealed === 1 ? '' : 's'} with key ${keyId}; ${current} already used it. ` +
    'Once every process runs with the new key first, the old key can be removed from READOUT_TOKEN_KEY.',
  rotateFailed: (key: string, reason: string) => `Could not re-seal ${key}: ${reason}`,
} as const;
