import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('has working defaults with nothing set (console mode)', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      READOUT_SEEDS: './seeds',
      DATABASE_URL: 'sqlite:./data/readout.db',
      READOUT_TIMEZONE: 'UTC',
      PORT: 3000,
      READOUT_NEARBY_DAYS: 7,
      READOUT_LEDGER_RETENTION_DAYS: 90,
      READOUT_DISCORD_REQUESTS_PER_SECOND: 48,
    });
    expect(loadConfig({ READOUT_DISCORD_REQUESTS_PER_SECOND: '200' }).READOUT_DISCORD_REQUESTS_PER_SECOND).toBe(200);
    expect(config.SLACK_BOT_TOKEN).toBeUndefined();
    expect(config.DISCORD_TOKEN).toBeUndefined();
  });

  it('never words a number problem as zod does', () => {
    expect(() => loadConfig({ PORT: 'abc' })).not.toThrow(/NaN|expected number/);
    expect(loadConfig({ PORT: ' 8080 ' }).PORT).toBe(8080);
  });

  it('reads READOUT_DIGEST_MANAGERS as a list of Slack user ids (none by default)', () => {
    expect(loadConfig({}).READOUT_DIGEST_MANAGERS).toEqual([]);
    expect(loadConfig({ READOUT_DIGEST_MANAGERS: 'U012AB3CD, W045EF6GH U07' }).READOUT_DIGEST_MANAGERS).toEqual([
      'U012AB3CD',
      'W045EF6GH',
      'U07',
    ]);
  });

  it('reads a Postgres DATABASE_URL and a retention in days', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://readout@db:5432/readout?schema=r', READOUT_LEDGER_RETENTION_DAYS: '30' })).toMatchObject({
      DATABASE_URL: 'postgres://readout@db:5432/readout?schema=r',
      READOUT_LEDGER_RETENTION_DAYS: 30,
    });
  });

  it('has no ops port unless READOUT_OPS_PORT is set, and listens on loopback by default', () => {
    expect(loadConfig({})).toMatchObject({ READOUT_OPS_HOST: '127.0.0.1' });
    expect(loadConfig({}).READOUT_OPS_PORT).toBeUndefined();
    expect(loadConfig({ READOUT_OPS_PORT: '9100', READOUT_OPS_HOST: '10.0.0.5' })).toMatchObject({
      READOUT_OPS_PORT: 9100,
      READOUT_OPS_HOST: '10.0.0.5',
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '  ' }).SLACK_BOT_TOKEN).toBeUndefined();
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_SIGNING_SECRET is required in HTTP mode/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: '' }, /SLACK_SIGNING_SECRET is required/],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, /SLACK_BOT_TOKEN is required when SLACK_APP_TOKEN is set/],
    [{ DISCORD_TOKEN: 'abc' }, /DISCORD_APPLICATION_ID is required/],
    [{ DISCORD_TOKEN: 'abc', DISCORD_APPLICATION_ID: 'app' }, /DISCORD_APPLICATION_ID expected the numeric application id/],
    [
      { PORT: 'abc' },
      /PORT must be the TCP port for \/slack\/events, \/healthz, \/readyz and \/metrics .*: a whole number from 0 to 65535, not "abc"/,
    ],
    [{ PORT: '70000' }, /PORT must be .* not "70000"/],
    [{ PORT: '80.5' }, /PORT must be .* not "80.5"/],
    [{ READOUT_NEARBY_DAYS: 'week' }, /READOUT_NEARBY_DAYS must be .* from 0 to 183, not "week"/],
    [{ READOUT_DISCORD_REQUESTS_PER_SECOND: '0' }, /READOUT_DISCORD_REQUESTS_PER_SECOND must be .* from 1 to 10000, not "0"/],
    [{ READOUT_TIMEZONE: 'Mars/Olympus' }, /READOUT_TIMEZONE expected an IANA time zone/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL expected sqlite:PATH/],
    [{ READOUT_DIGEST_MANAGERS: 'U012AB3CD, alice' }, /READOUT_DIGEST_MANAGERS expected Slack user ids/],
    [{ SLACK_API_URL: 'not a url' }, /SLACK_API_URL must be an http\(s\) URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ READOUT_LEDGER_RETENTION_DAYS: '0' }, /READOUT_LEDGER_RETENTION_DAYS/],
    [{ READOUT_LEDGER_RETENTION_DAYS: 'forever' }, /READOUT_LEDGER_RETENTION_DAYS/],
    [{ READOUT_OPS_PORT: 'ops' }, /READOUT_OPS_PORT must be the operator's TCP port .* not "ops"/],
    [{ READOUT_OPS_PORT: '3000' }, /READOUT_OPS_PORT must differ from PORT/],
    [{ READOUT_OPS_TOKEN: 'short' }, /READOUT_OPS_TOKEN must be at least 16 characters/],
  ])('reports %j by name', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('accepts Slack HTTP mode, Socket Mode and Discord together', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_APP_TOKEN: 'xapp-1',
      DISCORD_TOKEN: 't',
      DISCORD_APPLICATION_ID: '123456789012345678',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    });
    expect(config.SLACK_APP_TOKEN).toBe('xapp-1');
    expect(config.DISCORD_APPLICATION_ID).toBe('123456789012345678');
  });

  const KEY = 'ab'.repeat(32);
  const DISTRIBUTION = { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'c', SLACK_STATE_SECRET: 's', SLACK_SIGNING_SECRET: 'x' };

  it('accepts Slack distribution mode with token keys, and Discord over HTTP with a public key', () => {
    const config = loadConfig({
      ...DISTRIBUTION,
      READOUT_TOKEN_KEY: `${KEY}, ${Buffer.alloc(32, 1).toString('base64')}`,
      DISCORD_TOKEN: 't',
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_PUBLIC_KEY: 'c'.repeat(64),
    });
    expect(config.READOUT_TOKEN_KEY).toHaveLength(2);
    expect(config.DISCORD_PUBLIC_KEY).toBe('c'.repeat(64));
  });

  it.each([
    [{ ...DISTRIBUTION }, /READOUT_TOKEN_KEY is required in Slack distribution mode/],
    [{ ...DISTRIBUTION, READOUT_TOKEN_KEY: 'short' }, /READOUT_TOKEN_KEY expected 32-byte keys/],
    [{ ...DISTRIBUTION, SLACK_STATE_SECRET: '', READOUT_TOKEN_KEY: KEY }, /SLACK_STATE_SECRET is required in Slack distribution mode/],
    [{ ...DISTRIBUTION, READOUT_TOKEN_KEY: KEY, SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_BOT_TOKEN cannot be combined with distribution mode/],
    [{ DISCORD_PUBLIC_KEY: 'c'.repeat(64) }, /DISCORD_TOKEN is required with DISCORD_PUBLIC_KEY/],
    [
      { DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '123456789012345678', DISCORD_PUBLIC_KEY: 'nothex' },
      /DISCORD_PUBLIC_KEY expected the 64 hex/,
    ],
  ])('refuses %j with the variable named', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
