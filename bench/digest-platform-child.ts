// The fake platform's own process (see digest-platform-process.ts): answers reset, stats and close over IPC.
import { type LimitMode, startFakePlatform } from './digest-fake-platform.js';

const platform = await startFakePlatform();
process.send?.({ url: platform.url });
process.on('message', async (message: { reset?: number; mode?: LimitMode; stats?: boolean; close?: boolean }) => {
  if (message.reset !== undefined) {
    platform.reset(message.reset, message.mode);
    process.send?.({ ok: true });
  } else if (message.stats) {
    process.send?.({ ...platform.stats });
  } else if (message.close) {
    await platform.close();
    process.send?.({ ok: true }, () => process.exit(0));
  }
});
