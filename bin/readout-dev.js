#!/usr/bin/env node
// Development: runs the TypeScript sources through tsx, transpiled at every start (`npm run dev`).
// Production runs the compiled dist/ through bin/readout.js.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
