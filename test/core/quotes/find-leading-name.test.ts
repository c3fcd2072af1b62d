import { describe, expect, it } from 'vitest';
import { findLeadingName } from '../../../src/core/quotes/find-leading-name.js';

describe('findLeadingName', () => {
  it.each([
    ['-- Richard J. Hughes made his Morris County debut.', 'Richard J. Hughes'],
    ['City Finance Director Richard J. McConnell indorsed the higher fees.', 'Finance Director Richard J. McConnell'],
    ['Mr. Smith went to Washington.', 'Mr. Smith'],
    ['Hughes would not comment.', undefined],
    ['The Fulton County Grand Jury said Friday.', undefined],
    ['Fulton County Grand Jury said Friday.', undefined],
    ['In Vientiane, the government decided.', undefined],
    ['Kassym-Jomart Tokayev expressed pleasure.', 'Kassym-Jomart Tokayev'],
    ['', undefined],
    ['Martin, who has been in office for 13 months, spoke.', 'Martin'],
    ['However, who knows.', undefined],
    ['Mrs. Peck, later joined by the vice-chairman, took Harvey to task.', 'Mrs. Peck'],
    ['In Salem, the office moved.', undefined],
    ['Since Election Day, Nixon has been quiet.', undefined],
    ['Only Miss Gee asked for bail.', undefined],
  ])('%s -> %s', (text, name) => {
    expect(findLeadingName(text)).toBe(name);
  });
});
