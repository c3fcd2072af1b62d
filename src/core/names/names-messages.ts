/** User-facing wording for the people table, kept in one place so it changes once. */
export const namesMessages = {
  peopleMissing: (file: string) =>
    `No people table at ${file}: names, countries and places will not be recognised. Copy seeds/people.json there to enable them.`,
  peopleUnreadable: (file: string, reason: string) => `Could not read the people table ${file}: ${reason}.`,
  peopleNotJson: (file: string, reason: string) =>
    `The people table ${file} is not valid JSON (${reason}). Check for a missing comma or quote.`,
  peopleInvalid: (file: string, field: string, reason: string) =>
    `The people table ${file} has a problem at ${field}: ${reason}. Each entry needs at least a "name".`,
  aliasClash: (form: string, first: string, second: string) =>
    `"${form}" is listed for both ${first} and ${second}; it is read as ${first}. Remove it from one of them.`,
} as const;
