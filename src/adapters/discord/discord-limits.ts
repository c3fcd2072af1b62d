import type { PlatformLimits } from '../../core/platform-adapter.js';

/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const discordLimits = {
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum of every embed's title, description, field names and values, footer and author name in one message. */
  embedTotal: 6000,
  embedsPerMessage: 10,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  buttonLabel: 80,
  customId: 100,
  commandDescription: 100,
  choicesPerOption: 25,
  choiceName: 100,
  choiceValue: 100,
  autocompleteChoices: 25,
  /** An attachment's description, which clients show as its alt text. */
  attachmentDescription: 1024,
  /** Discord's limit on a nonce; enforce_nonce deduplicates posts carrying the same one. */
  nonce: 25,
} as const;

/** Discord's limits as the adapter port states them: 6,000 characters of embeds, 5 rows of 5 buttons, 3 s to answer. */
export const discordPlatformLimits: PlatformLimits = {
  messageText: discordLimits.embedTotal,
  buttonsPerMessage: discordLimits.buttonsPerRow * discordLimits.rowsPerMessage,
  answerDeadlineMs: 3_000,
};
