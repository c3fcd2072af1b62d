import type { PlatformLimits } from '../../core/platform-adapter.js';

/** Block Kit's documented limits; Slack rejects a whole message that breaks any of them. */
export const slackLimits = {
  blocksPerMessage: 50,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  contextText: 2000,
  contextElements: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  /** Slack allows 25, but five buttons per row is what reads well on a phone. */
  buttonsPerActions: 5,
  /** Top-level `text` may be 40,000; notifications only show the start anyway. */
  fallbackText: 3000,
  /** files.getUploadURLExternal's alt text for screen readers. */
  altText: 1000,
  fileTitle: 250,
} as const;

/** Slack's limits as the adapter port states them: 50 sections of 3,000 characters, 5 buttons, 3 s to acknowledge. */
export const slackPlatformLimits: PlatformLimits = {
  messageText: slackLimits.blocksPerMessage * slackLimits.sectionText,
  buttonsPerMessage: slackLimits.buttonsPerActions,
  answerDeadlineMs: 3_000,
};
