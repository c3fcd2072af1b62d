import { describe, expect, it } from 'vitest';
import { PostError } from '../../../src/core/digest/digest-types.js';
import { readableReason } from '../../../src/core/digest/readable-reason.js';

const sqliteBusy = Object.assign(new Error('database is locked'), { name: 'SqliteError', code: 'SQLITE_BUSY' });
const pgShutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

const CONNECTION = 'the connection to the database was lost or refused (details in the log)';

describe('readableReason', () => {
  it.each([
    ['a PostError', new PostError('transient', 'http_503'), 'http_503'],
    ['a SQLite error', sqliteBusy, 'the database was unavailable (details in the log)'],
    ['a Postgres error', pgShutdown, 'the database was unavailable (details in the log)'],
    ['a reset connection', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), CONNECTION],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), CONNECTION],
    ['a connection pg lost', new Error('Connection terminated unexpectedly'), CONNECTION],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect'), CONNECTION],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'ts')"), 'an unexpected error (details in the log)'],
    ['a thrown string', 'boom', 'an unexpected error (details in the log)'],
    ['nothing', undefined, 'an unexpected error (details in the log)'],
  ])('says %s plainly', (_what, error, reason) => {
    expect(readableReason(error)).toBe(reason);
  });
});
