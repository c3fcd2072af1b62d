import type { DigestPoster } from '../../core/digest/digest-types.js';
import type { AdapterState, PlatformAdapter } from '../../core/platform-adapter.js';
import type { ConsoleSession } from './start-console.js';

/** A terminal has no message limit and no deadline; its buttons show as typed hints, not buttons. */
const CONSOLE_LIMITS = { messageText: undefined, buttonsPerMessage: 0, answerDeadlineMs: undefined } as const;

/** The console session as the adapter port: digests print between prompts; stop closes the prompt. */
export function consoleAdapter(session: ConsoleSession, poster: DigestPoster): PlatformAdapter {
  let state: AdapterState = 'running';
  void session.closed.then(() => {
    state = 'stopped';
  });
  return {
    name: 'console',
    limits: CONSOLE_LIMITS,
    poster,
    state: () => state,
    async stop() {
      state = 'stopped';
      session.close();
    },
  };
}
