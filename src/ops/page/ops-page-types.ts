import type { Clock } from '../../core/clock.js';
import type { LoadWarning } from '../../core/document.js';
import type { Store } from '../../core/store/store-types.js';
import type { Readiness } from '../readiness.js';

/** A replica as the store's heartbeat table records it. */
export interface ReplicaSeen {
  id: string;
  host: string;
  pid: number;
  lastSeenAt: string;
}

/** What the operator page reads; every part is read at each request, never cached. */
export interface OpsPageSource {
  store: Store;
  readiness: Readiness;
  clock: Clock;
  version: string;
  /** `sqlite` or `postgres`. */
  storeKind: string;
  startedAt: Date;
  corpus(): { documents: number; warnings: readonly LoadWarning[]; lastReload: string | null };
  /** Posts per minute all processes may make together (the shared pacing budgets); null when none applies. */
  budgetPerMinute(): number | null;
  /** Replicas seen in the last hour, where the store records them. */
  replicas?: () => Promise<ReplicaSeen[]>;
}

/** The page's sections, each also served as `/ops/<section>.json`. */
export const OPS_SECTIONS = ['now', 'digest', 'failures', 'subscriptions', 'explain', 'changes'] as const;
export type OpsSection = (typeof OPS_SECTIONS)[number];
