import { describe, expect, it } from 'vitest';
import { suggestChoices } from '../../../src/adapters/discord/suggest-choices.js';
import type { AutocompleteSource } from '../../../src/commands/command.js';
import { fakeDiscordServices } from '../../fakes/fake-discord-services.js';

const services = fakeDiscordServices();

describe('suggestChoices', () => {
  it.each([
    { source: 'speaker', typed: 'xi', expected: ['Xi Jinping'] },
    { source: 'speaker', typed: 'jom', expected: ['Kassym-Jomart Tokayev'] },
    { source: 'speaker', typed: 'zzz', expected: [] },
    { source: 'country', typed: 'k', expected: ['Kazakhstan', 'Kenya', 'Kyrgyzstan'] },
    { source: 'place', typed: 'ast', expected: ['Astana'] },
    { source: 'timezone', typed: 'almaty', expected: ['Asia/Almaty'] },
    { source: 'timezone', typed: 'Europe/Lon', expected: ['Europe/London'] },
    // A value longer than 100 characters could not be sent back, so it is not offered.
    { source: 'document', typed: 'doc', expected: [] },
  ] as { source: AutocompleteSource; typed: string; expected: string[] }[])('$source "$typed"', ({ source, typed, expected }) => {
    expect(suggestChoices(source, typed, services).map((c) => c.value)).toEqual(expected);
  });

  it.each(['speaker', 'timezone'] as AutocompleteSource[])('offers at most 25 %s choices, names within 100 characters', (source) => {
    const choices = suggestChoices(source, '', services);
    expect(choices).toHaveLength(25);
    for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(100);
  });
});
