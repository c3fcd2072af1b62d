import type { DigestPoster } from './digest/digest-types.js';

export type AdapterState = 'starting' | 'running' | 'stopped' | 'failed';

/** What one message of a platform can hold and how long it waits for an answer; its adapter renders within these. */
export interface PlatformLimits {
  /** The most text one message shows, in characters; undefined when there is no limit (a terminal). */
  messageText: number | undefined;
  /** Buttons one message can carry (0 where there are none). */
  buttonsPerMessage: number;
  /** How long the platform waits for the first answer to a command, in ms; undefined when it does not wait (a terminal). */
  answerDeadlineMs: number | undefined;
}

/**
 * The adapter port: one per platform and mode (Slack, Discord over the gateway, Discord over HTTP, the
 * console). From the moment its start function returns it receives commands and answers them: it
 * acknowledges or defers first, maps the payload to a neutral invocation, dispatches through `commands/`,
 * and renders the reply within `limits`. It posts to a channel and finds an earlier post through
 * `poster` (the digest's side), says whether it can serve (`state`), and `stop` drains answers in flight.
 * A new platform is one folder under `adapters/` with a start function that returns this.
 */
export interface PlatformAdapter {
  /** `slack`, `discord`, `console`: the name readiness and logs use. */
  readonly name: string;
  /** Posts to a channel and finds an earlier post. */
  readonly poster: DigestPoster;
  readonly limits: PlatformLimits;
  state(): AdapterState;
  stop(): Promise<void>;
}
