import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { LimitMode, PlatformStats } from './digest-fake-platform.js';

/** The fake platform in a process of its own, as a real platform is: its CPU is not counted against readout's. */
export interface PlatformProcess {
  url: string;
  reset(globalPerSecond: number, mode?: LimitMode): Promise<void>;
  stats(): Promise<PlatformStats>;
  close(): Promise<void>;
}

export async function startPlatformProcess(): Promise<PlatformProcess> {
  const child = fork(join(import.meta.dirname, 'digest-platform-child.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const ask = <T>(message: object) =>
    new Promise<T>((resolve) => {
      child.once('message', (answer) => resolve(answer as T));
      child.send(message);
    });
  const { url } = await new Promise<{ url: string }>((resolve) => child.once('message', (m) => resolve(m as { url: string })));
  return {
    url,
    reset: async (globalPerSecond, mode) => {
      await ask({ reset: globalPerSecond, ...(mode ? { mode } : {}) });
    },
    stats: () => ask<PlatformStats>({ stats: true }),
    close: async () => {
      await ask({ close: true });
    },
  };
}
