import { describe, expect, it } from 'vitest';
import { cutText, escapeMrkdwn } from '../../../src/adapters/slack/escape-mrkdwn.js';

describe('escapeMrkdwn', () => {
  it.each([
    ['<!channel>', '&lt;!channel&gt;'],
    ['<!here|here>', '&lt;!here|here&gt;'],
    ['<@U123>', '&lt;@U123&gt;'],
    ['<#C123|general>', '&lt;#C123|general&gt;'],
    ['<https://x|y>', '&lt;https://x|y&gt;'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['&lt; stays literal', '&amp;lt; stays literal'],
    ['**bold**', '\u2217\u2217bold\u2217\u2217'],
    ['_it_ ~s~ `c`', '\u02cdit\u02cd \u223cs\u223c \u02cbc\u02cb'],
    ['doc 000_4428246b and snake_case stay', 'doc 000_4428246b and snake_case stay'],
    ['_edge_ and trailing_', '\u02cdedge\u02cd and trailing\u02cd'],
    ['bell\u0007 and\ttab\nnewline', 'bell and\ttab\nnewline'],
    ['Xi Jinping said “win-win”.', 'Xi Jinping said “win-win”.'],
  ])('%j becomes %j', (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });

  it.each([
    ['short', 10, 'short'],
    ['exactly ten', 11, 'exactly ten'],
    ['a longer sentence here', 10, 'a longer…'],
  ])('cutText(%j, %i) is %j', (input, max, expected) => {
    expect(cutText(input, max)).toBe(expected);
    expect(cutText(input, max).length).toBeLessThanOrEqual(max);
  });
});
