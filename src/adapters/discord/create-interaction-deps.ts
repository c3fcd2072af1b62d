import { createActionTable } from '../../commands/action-table.js';
import type { AnyCommand, Services } from '../../commands/command.js';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { Reply } from '../../core/reply.js';
import { createTurnQueue } from '../../core/turn-queue.js';
import type { MessageTables, PagedReply } from './build-message.js';
import type { ButtonTarget } from './button-target.js';
import type { InteractionDeps } from './interaction-deps.js';

const HOUR = 3_600_000;

/**
 * What the interaction handlers share, for the gateway and the HTTP endpoint alike. Button data goes to the
 * store too, so a click reaching another process (or this one restarted) still works.
 */
export function createInteractionDeps(options: {
  commands: readonly AnyCommand[];
  services: Services;
  logger: Logger;
  clock: Clock;
  random?: (() => number) | undefined;
  deferAfterMs: number;
}): InteractionDeps {
  const kept = (namespace: string) => ({
    namespace,
    store: options.services.store,
    onStoreError: (error: unknown) =>
      options.logger.warn({ err: error }, 'button data not saved to the store; only this process can answer it'),
  });
  const tables: MessageTables = {
    actions: createActionTable<ButtonTarget>({ maxEntries: 10_000, ttlMs: 24 * HOUR, clock: options.clock, ...kept('discord-actions') }),
    pages: createActionTable<PagedReply>({ maxEntries: 2_000, ttlMs: HOUR, clock: options.clock, ...kept('discord-pages') }),
  };
  return {
    commands: options.commands,
    services: options.services,
    logger: options.logger,
    clock: options.clock,
    ...(options.random ? { random: options.random } : {}),
    tables,
    deferAfterMs: options.deferAfterMs,
    queue: createTurnQueue(),
    visibilityGuesses: new Map<string, Reply['visibility']>(),
  };
}
