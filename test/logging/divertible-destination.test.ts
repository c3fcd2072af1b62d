import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/create-logger.js';
import { createDivertibleDestination } from '../../src/logging/divertible-destination.js';

describe('log lines while a console session is open', () => {
  it('go to the console’s print (which redraws the prompt below them), and back to stderr after', () => {
    const fallback = new PassThrough();
    const direct: string[] = [];
    fallback.on('data', (chunk) => direct.push(String(chunk)));
    const destination = createDivertibleDestination(fallback);
    const logger = createLogger({ level: 'info', format: 'pretty', destination: destination.stream });
    logger.warn({}, 'before the console');
    const printed: string[] = [];
    destination.divert((text) => printed.push(text));
    logger.warn({}, 'while typing');
    destination.divert(undefined);
    logger.warn({}, 'after the console');
    expect(direct.join('')).toContain('before the console');
    expect(direct.join('')).toContain('after the console');
    expect(direct.join('')).not.toContain('while typing');
    expect(printed.join('')).toContain('while typing');
  });
});
