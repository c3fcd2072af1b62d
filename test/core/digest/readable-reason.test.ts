import { describe, expect, it } from 'vitest';
import { PostError } from '../../../src/core/digest/digest-types.js';
import { readableReason } from '../../../src/core/digest/readable-reason.js';

const sqliteBusy = Object.assign(new Error('database is locked'), { name: 'SqliteError', code: 'SQLITE_BUSY' });
const pgShutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

describe('readableReason', () => {
  it.each([
    ['a PostError', new PostError('transient', 'http_503'), 'http_503'],
    ['a SQLite error', sqliteBusy, 'the database was unavailable (details in the log)'],
    ['a Postgres error', pgShutdown, 'the database was unavailable (details in the log)'],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'ts')"), 'an unexpected error (details in the log)'],
    ['a thrown string', 'boom', 'an unexpected error (details in the log)'],
    ['nothing', undefined, 'an unexpected error (details in the log)'],
  ])('says %s plainly', (_what, error, reason) => {
    expect(readableReason(error)).toBe(reason);
  });
});
