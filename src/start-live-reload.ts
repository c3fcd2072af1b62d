import type { Services } from './commands/command.js';
import type { ReloadOutcome } from './core/live/create-live-corpus.js';
import { watchFolder } from './core/live/watch-folder.js';
import type { Logger } from './core/logger.js';

export interface LiveReloadOptions {
  /** Quiet time before a folder change reloads; 0 turns the folder watch off (SIGHUP and /readout reload still work). */
  debounceMs: number;
  logger: Logger;
  /** The signal that asks for a reload; default SIGHUP. Tests use their own emitter. */
  signals?: Pick<NodeJS.Process, 'on' | 'off'>;
}

/**
 * Keeps the bot's corpus live: watches the seeds folder and the store's documents, reloads on SIGHUP, logs every outcome, and after each load
 * builds the autocomplete lists and extracts quotes in the background, so the first /quote or keystroke does not wait.
 */
export function startLiveReload(services: Services, options: LiveReloadOptions): { stop(): void } {
  const { live } = services;
  if (!live) return { stop() {} };
  const { logger } = options;
  const warm = () => {
    const { search, quotes: book } = live.current();
    // Off the start-up path, but before the first keystroke: autocomplete and spelling correction answer at once.
    setImmediate(() => search.prepare?.());
    book.prepare().then(
      () => logger.debug({ quotes: book.all().length }, 'quotes ready'),
      (error: unknown) => logger.error({ err: error }, 'quote extraction failed'),
    );
  };
  const report = (trigger: string) => (outcome: ReloadOutcome) => logReload(logger, trigger, outcome);
  live.onSwap(() => warm());
  warm();

  const watch =
    options.debounceMs > 0
      ? watchFolder(live.dir, {
          debounceMs: options.debounceMs,
          onChange: () => void live.reload('watch').then(report('folder change')),
          onError: (error) =>
            logger.warn({ err: error, dir: live.dir }, 'the seeds folder cannot be watched; SIGHUP or /readout reload still reload it'),
        })
      : undefined;
  const signals = options.signals ?? process;
  const onHangUp = () => void live.reload('SIGHUP').then(report('SIGHUP'));
  signals.on('SIGHUP', onHangUp);
  // Documents added to the store by any process (Postgres NOTIFY, or this SQLite file) reload every replica.
  let stopped = false;
  let storeWatch: { stop(): Promise<void> } | undefined;
  const storeTrouble = (error: unknown) =>
    logger.warn({ err: error }, 'the store cannot be watched for new documents; SIGHUP or /readout reload still reload them');
  services.store
    .watchDocuments(() => void live.reload('store').then(report('store change')), storeTrouble)
    .then((watching) => {
      if (stopped) void watching.stop();
      else storeWatch = watching;
    }, storeTrouble);
  return {
    stop() {
      stopped = true;
      watch?.stop();
      void storeWatch?.stop();
      signals.off('SIGHUP', onHangUp);
    },
  };
}

function logReload(logger: Logger, trigger: string, outcome: ReloadOutcome): void {
  if (outcome.kind === 'failed') {
    logger.error(
      { trigger, reason: outcome.reason, documents: outcome.documents },
      'corpus reload failed; still serving the previous corpus',
    );
    return;
  }
  if (outcome.kind === 'unchanged') {
    logger.debug({ trigger }, 'corpus unchanged');
    return;
  }
  for (const warning of outcome.warnings) logger.warn({ file: warning.file, reason: warning.reason }, 'corpus warning');
  logger.info(
    {
      trigger,
      documents: outcome.documents,
      added: outcome.added,
      removed: outcome.removed,
      changed: outcome.changed,
      skipped: outcome.warnings.length,
      durationMs: outcome.durationMs,
    },
    'corpus reloaded',
  );
}
