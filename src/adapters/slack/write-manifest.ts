import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { commands } from '../../commands/registry.js';
import { buildManifest, MANIFEST_PATH } from './build-manifest.js';

// Regenerates slack/manifest.yml from the declarations: `npx tsx src/adapters/slack/write-manifest.ts`.
const target = resolve(import.meta.dirname, '../../..', MANIFEST_PATH);
writeFileSync(target, buildManifest(commands));
process.stdout.write(`wrote ${target}\n`);
