/** One part's answer to "can you serve?": `detail` says why not (or what it serves). */
export interface CheckResult {
  ok: boolean;
  detail?: string;
}

export interface ReadinessReport {
  /** Every check passed. */
  ready: boolean;
  /** Some part has failed for good (a gateway closed with a fatal code): the process is on its way out. */
  failed: boolean;
  /** Every liveness check passed: false means the process is stuck and should be restarted (/healthz 503). */
  live: boolean;
  /** The liveness checks' answers (the digest scheduler), beside the readiness `checks`. */
  liveness: Record<string, CheckResult>;
  checks: Record<string, CheckResult>;
}

/** What the corpus looks like to readiness; the loader (and a live reload) sets it. */
export interface CorpusState {
  loaded: boolean;
  documents?: number;
  detail?: string;
}

export interface Readiness {
  /** The corpus state; `loaded: false` while a first load runs. */
  setCorpus(state: CorpusState): void;
  /** Adds a named check (the store, each adapter); a check that throws or takes over `timeoutMs` is not ok. */
  addCheck(name: string, check: () => CheckResult | Promise<CheckResult>): void;
  /** Adds a named liveness check: one that fails turns /healthz 503 (a stuck part a restart would cure). */
  addLivenessCheck(name: string, check: () => CheckResult): void;
  /** Marks the process as failed for good; /healthz turns 503 until it exits. */
  fail(reason: string): void;
  report(): Promise<ReadinessReport>;
}

/** Readiness computed from every part at each ask, never from a field someone forgot to update. */
export function createReadiness(options: { timeoutMs?: number } = {}): Readiness {
  const timeoutMs = options.timeoutMs ?? 2_000;
  let corpus: CorpusState = { loaded: false, detail: 'loading' };
  let failure: string | undefined;
  const checks = new Map<string, () => CheckResult | Promise<CheckResult>>();
  const livenessChecks = new Map<string, () => CheckResult>();
  return {
    setCorpus(state) {
      corpus = state;
    },
    addCheck(name, check) {
      checks.set(name, check);
    },
    addLivenessCheck(name, check) {
      livenessChecks.set(name, check);
    },
    fail(reason) {
      failure ??= reason;
    },
    async report() {
      const results: Record<string, CheckResult> = {
        corpus: corpus.loaded
          ? { ok: true, detail: corpus.detail ?? `${corpus.documents ?? 0} documents` }
          : { ok: false, detail: corpus.detail ?? 'not loaded' },
      };
      const entries = await Promise.all([...checks].map(async ([name, check]) => [name, await runCheck(check, timeoutMs)] as const));
      for (const [name, result] of entries) results[name] = result;
      if (failure) results['process'] = { ok: false, detail: failure };
      const liveness: Record<string, CheckResult> = {};
      for (const [name, check] of livenessChecks) liveness[name] = await runCheck(check, timeoutMs);
      return {
        ready: Object.values(results).every((r) => r.ok),
        failed: failure !== undefined,
        live: Object.values(liveness).every((r) => r.ok),
        liveness,
        checks: results,
      };
    },
  };
}

async function runCheck(check: () => CheckResult | Promise<CheckResult>, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([Promise.resolve().then(check), timeout]);
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
