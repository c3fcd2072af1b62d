import type { z } from 'zod';
import type { Clock } from '../core/clock.js';
import type { Corpus } from '../core/document.js';
import type { LiveCorpus } from '../core/live/create-live-corpus.js';
import type { Logger } from '../core/logger.js';
import type { Metrics } from '../core/metrics.js';
import type { QuoteBook } from '../core/quotes/quote-types.js';
import type { Reply } from '../core/reply.js';
import type { SearchEngine } from '../core/search/search-types.js';
import type { Store } from '../core/store/store-types.js';

/** What every command may use; built once by the composition root. */
export interface Services {
  corpus: Corpus;
  search: SearchEngine;
  quotes: QuoteBook;
  store: Store;
  /** Default IANA zone for channels without a subscription. */
  defaultTimezone: string;
  /** Days either side for "nearby" anniversaries. */
  nearbyWindow: number;
  logger: Logger;
  /** Where command counts and latencies go; nowhere when absent (tests, one-shot CLI runs). */
  metrics?: Metrics;
  /** The live corpus behind `corpus`, `search` and `quotes`, when this process can reload it (the running bot). */
  live?: LiveCorpus;
  /** Chat user ids allowed to run operator commands (READOUT_OPERATORS); the console and the CLI always may. */
  operators?: readonly string[];
  /** Whether ingest and feeds may fetch from loopback and private addresses (READOUT_INGEST_ALLOW_PRIVATE). */
  ingestAllowPrivate?: boolean;
}

/** Who asks, where, and with what: the platform-neutral context of one invocation. */
export interface CommandContext {
  platform: 'slack' | 'discord' | 'console' | 'cli';
  /** Slack team id, Discord guild id, `local` for console/CLI. */
  workspace: string;
  channel: string;
  user: string;
  /** The asking channel's time zone (its subscription's, else the default). */
  timezone: string;
  clock: Clock;
  /** Random source in [0, 1) for quote draws; seedable in tests. */
  random: () => number;
  services: Services;
  /** Who may change this channel's digest, as the adapter reads the platform's roles; console and CLI are operators. */
  digestAccess: DigestAccess;
}

/** What an invocation may do to its channel's digest subscription; each adapter computes it from its platform. */
export interface DigestAccess {
  /** Why no digest can live in this channel (a direct message whose posts the bot could not read back), if so. */
  channelRefusal?: string;
  /** Undefined when the asker may subscribe, pause, resume or unsubscribe here; otherwise a refusal that says who may. */
  checkManager(): Promise<string | undefined>;
}

/** Where a platform offers choices while the user types (Discord autocomplete). */
export type AutocompleteSource = 'speaker' | 'person' | 'country' | 'place' | 'document' | 'timezone';

/**
 * A command, declared once. Adapters derive Slack usage text, Discord option JSON and
 * CLI flags from `options` (each field `.describe()`d); the text parser uses `positional`.
 */
export interface CommandDeclaration<Shape extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  description: string;
  options: z.ZodObject<Shape>;
  /** Options filled, in order, by bare words; the last one listed in `rest` takes all remaining words. */
  positional: (keyof Shape & string)[];
  rest?: keyof Shape & string;
  autocomplete?: Partial<Record<keyof Shape & string, AutocompleteSource>>;
  /** Changes channel settings: Discord registers it for members who can manage channels (run() still checks). */
  restrictedTo?: 'channel_managers';
  /** Typed examples without the leading slash, e.g. `lookup belt and road`. */
  examples: string[];
  run(options: z.infer<z.ZodObject<Shape>>, ctx: CommandContext): Reply | Promise<Reply>;
  /** The command's public `--json` shape for the CLI, when it has one. */
  json?(options: z.infer<z.ZodObject<Shape>>, ctx: CommandContext): unknown;
  /** True when a `json` answer found nothing, which the CLI reports with exit code 1 as it does for text. */
  foundNothing?(json: unknown): boolean;
}

/** Declares a command with its option types inferred. */
export function defineCommand<Shape extends z.ZodRawShape>(declaration: CommandDeclaration<Shape>): CommandDeclaration<Shape> {
  return declaration;
}

// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of declarations
export type AnyCommand = CommandDeclaration<any>;
