import type { AnyCommand, Services } from '../../commands/command.js';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { Reply } from '../../core/reply.js';
import type { TurnQueue } from '../../core/turn-queue.js';
import type { MessageTables } from './build-message.js';

/** What the interaction handlers share; built once by startDiscordAdapter. */
export interface InteractionDeps {
  commands: readonly AnyCommand[];
  services: Services;
  logger: Logger;
  clock: Clock;
  random?: () => number;
  tables: MessageTables;
  /** How long a command may run before the interaction is deferred; 0 always defers. */
  deferAfterMs: number;
  /** Commands run one per event-loop turn, so a burst's acknowledgements are not held behind its work. */
  queue: TurnQueue;
  /** Visibility each command last answered with: the guess for a deferral, which must pick one up front. */
  visibilityGuesses: Map<string, Reply['visibility']>;
}
