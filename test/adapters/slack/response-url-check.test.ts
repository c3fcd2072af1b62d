import { describe, expect, it } from 'vitest';
import { createResponseUrlCheck } from '../../../src/adapters/slack/response-url-check.js';

describe('which response_urls readout answers on', () => {
  const check = createResponseUrlCheck('http://127.0.0.1:4010/api/');
  const withoutTestServer = createResponseUrlCheck(undefined);

  it.each([
    ['https://hooks.slack.com/commands/T0/1/abc', true],
    ['https://hooks.slack-gov.com/actions/T0/1/abc', true],
    ['http://127.0.0.1:4010/response/1', true],
    ['http://hooks.slack.com/commands/T0/1/abc', false],
    ['https://hooks.slack.com:8443/commands/T0/1/abc', false],
    ['https://hooks.slack.com.evil.test/commands', false],
    ['https://evil.test/?https://hooks.slack.com/', false],
    ['https://user:pw@hooks.slack.com/commands', false],
    ['http://127.0.0.1:4011/response/1', false],
    ['https://127.0.0.1:4010/response/1', false],
    ['http://169.254.169.254/latest/meta-data', false],
    ['not a url', false],
    [undefined, false],
    [['https://hooks.slack.com/commands/T0/1/abc'], false],
  ])('%s → %s', (url, allowed) => {
    expect(check(url)).toBe(allowed);
  });

  it('takes only Slack’s hosts when SLACK_API_URL is not set', () => {
    expect(withoutTestServer('https://hooks.slack.com/commands/T0/1/abc')).toBe(true);
    expect(withoutTestServer('http://127.0.0.1:4010/response/1')).toBe(false);
  });
});
