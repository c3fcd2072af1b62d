/** Every user-facing message of the quotes area, so wording changes in one place. */

const list = (names: readonly string[]): string => names.join(', ');

export const MAX_TOPIC_LENGTH = 500;
export const MAX_SPEAKER_LENGTH = 100;

export const quoteMessages = {
  speakerEmpty: (known: readonly string[]) => `Tell me whose quotes you want, for example: ${list(known)}.`,
  speakerTooLong: () => `That speaker name is too long (at most ${MAX_SPEAKER_LENGTH} characters). Try a surname such as "Xi" or "Ruto".`,
  speakerUnknown: (name: string, suggestions: readonly string[]) =>
    suggestions.length > 0
      ? `I don't know a speaker called "${name}". Did you mean ${list(suggestions)}?`
      : `I don't know a speaker called "${name}", and no one has been quoted yet.`,
  speakerNotInCorpus: (name: string, known: readonly string[]) =>
    known.length > 0
      ? `No one called "${name}" is quoted in the corpus. Speakers with quotes: ${list(known)}.`
      : `No one called "${name}" is quoted in the corpus, and no one has been quoted yet.`,
  speakerWithoutQuotes: (name: string, suggestions: readonly string[]) =>
    suggestions.length > 0
      ? `${name} is in the corpus but has no quotes. People with quotes: ${list(suggestions)}.`
      : `${name} is in the corpus but has no quotes.`,
  topicEmpty: () => 'Tell me a topic to look for in the quotes, for example "trade" or "Belt and Road".',
  topicTooLong: (length: number) =>
    `That topic is ${length.toLocaleString('en-US')} characters long; a few words work best (at most ${MAX_TOPIC_LENGTH} characters).`,
  topicOnlyCommonWords: (topic: string) =>
    `"${topic}" has only very common words. Try a more specific word, such as "trade" or "security".`,
  topicNoQuotes: (topic: string, speaker?: string) =>
    speaker
      ? `None of ${speaker}'s quotes are about "${topic}". Try other words, or leave out the speaker.`
      : `No quotes are about "${topic}". Try other words, such as a country or "cooperation".`,
} as const;
