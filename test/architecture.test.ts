import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');
const PLATFORM_SDKS = /^(@slack\/|discord\.js|@discordjs\/|node-cron$)/;
const DATABASE_DRIVERS = /^(better-sqlite3|pg|pg-[a-z-]+|postgres)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
}

/** Where, under src/, an import lands: `core`, `commands`, `adapters/slack`, ... or the package name. */
function target(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return `pkg:${specifier}`;
  const path = relative(SRC, resolve(dirname(file), specifier)).split('/');
  return path[0] === 'adapters' ? `adapters/${path[1]}` : (path[0] ?? '');
}

const edges = filesUnder(SRC).flatMap((file) => {
  const from = relative(SRC, file).split('/');
  const area = from[0] === 'adapters' ? `adapters/${from[1]}` : from.length === 1 ? 'root' : from[0]!;
  return importsOf(file).map((specifier) => ({ file: relative(ROOT, file), area, to: target(file, specifier) }));
});

describe('the dependency rule', () => {
  it('finds the import lines it checks', () => {
    expect(edges.length).toBeGreaterThan(50);
    expect(edges.some((e) => e.area === 'core')).toBe(true);
    expect(edges.some((e) => e.area.startsWith('adapters/'))).toBe(true);
  });

  it('core imports nothing of ours outside core and no platform SDK', () => {
    const bad = edges.filter(
      (e) =>
        e.area === 'core' && (e.to === 'commands' || e.to.startsWith('adapters') || e.to === 'root' || PLATFORM_SDKS.test(e.to.slice(4))),
    );
    expect(bad).toEqual([]);
  });

  it('core keeps no SQL driver and no store implementation: the Store port is implemented under src/store/', () => {
    const bad = edges.filter((e) => e.area === 'core' && (e.to === 'store' || DATABASE_DRIVERS.test(e.to.slice(4))));
    expect(bad).toEqual([]);
    expect(edges.some((e) => e.area === 'store' && e.to === 'pkg:better-sqlite3')).toBe(true);
    expect(edges.some((e) => e.area === 'store' && e.to === 'pkg:pg')).toBe(true);
  });

  it('database drivers are imported only by the store implementations', () => {
    const bad = edges.filter((e) => e.to.startsWith('pkg:') && DATABASE_DRIVERS.test(e.to.slice(4)) && e.area !== 'store');
    expect(bad).toEqual([]);
  });

  it('the store implementations import core only, and no platform SDK', () => {
    const bad = edges.filter(
      (e) =>
        e.area === 'store' &&
        (e.to === 'commands' || e.to.startsWith('adapters') || e.to === 'root' || e.to === 'cli' || PLATFORM_SDKS.test(e.to.slice(4))),
    );
    expect(bad).toEqual([]);
  });

  it('commands import core only, and no platform SDK', () => {
    const bad = edges.filter(
      (e) =>
        e.area === 'commands' && (e.to.startsWith('adapters') || e.to === 'root' || e.to === 'cli' || PLATFORM_SDKS.test(e.to.slice(4))),
    );
    expect(bad).toEqual([]);
  });

  it('an adapter never imports another adapter', () => {
    const bad = edges.filter((e) => e.area.startsWith('adapters/') && e.to.startsWith('adapters/') && e.to !== e.area);
    expect(bad).toEqual([]);
  });

  it('each platform SDK is imported only by its own adapter (and the scheduler by node-cron)', () => {
    const owner = (pkg: string) =>
      pkg.startsWith('@slack/') ? 'adapters/slack' : pkg === 'node-cron' ? 'adapters/scheduler' : 'adapters/discord';
    const bad = edges.filter((e) => e.to.startsWith('pkg:') && PLATFORM_SDKS.test(e.to.slice(4)) && e.area !== owner(e.to.slice(4)));
    expect(bad).toEqual([]);
  });
});
