import { buildServicesFromConfig } from '../build-services.js';
import type { Services } from '../commands/command.js';
import { type Config, isInteractive, loadConfig } from '../config.js';
import type { Logger } from '../core/logger.js';
import { createLogger } from '../logging/create-logger.js';

export interface CliRuntime {
  config: Config;
  logger: Logger;
  services: Services;
}

/** Config, logger and services for a one-shot CLI command; logs go to stderr, quiet unless something is wrong. */
export async function openCliRuntime(overrides: { seeds?: string | undefined; json: boolean }): Promise<CliRuntime> {
  const config = loadConfig(undefined, overrides.seeds ? { READOUT_SEEDS: overrides.seeds } : {});
  const logger = createLogger({
    level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL,
    format: config.LOG_FORMAT === 'json' ? 'json' : 'pretty',
  });
  const services = await buildServicesFromConfig(config, logger, {
    progress: !overrides.json && Boolean(process.stderr.isTTY) && isInteractive(),
    oneShot: true,
  });
  return { config, logger, services };
}
