import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const read = (file: string) => JSON.parse(readFileSync(resolve(ROOT, file), 'utf8'));

describe('package-lock.json', () => {
  // `npm install` rewrites the lock's root entry from package.json: any difference leaves a fresh clone's tree modified.
  it('has the root entry npm install would write, so a fresh install leaves the tree clean', () => {
    const manifest = read('package.json');
    const root = read('package-lock.json').packages[''];
    expect(root.engines).toEqual(manifest.engines);
    expect(root.dependencies).toEqual(manifest.dependencies);
    expect(root.devDependencies).toEqual(manifest.devDependencies);
    expect(root.bin).toEqual(manifest.bin);
  });
});
