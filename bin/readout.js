#!/usr/bin/env node
// Runs the compiled JavaScript in dist/: `npm install` builds it (the `prepare` script), as does `npm run build`.
// Development runs the TypeScript sources instead: `npm run dev -- <command>`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'readout is not built yet: run `npm run build` (npm install does it too), or `npm run dev` to run the TypeScript sources.\n',
  );
  process.exit(1);
}
await import(entry.href);
