/** User-facing wording for the corpus loader, kept in one place so it changes once. */
export const corpusMessages = {
  seedsMissing: (dir: string) =>
    `The documents folder ${dir} does not exist. Create it and put .txt or .md files in it, or point READOUT_SEEDS or --seeds at a folder that has them.`,
  seedsNotFolder: (dir: string) =>
    `${dir} is a file, not a folder. Point READOUT_SEEDS or --seeds at the folder that holds the .txt or .md files.`,
  seedsUnreadable: (dir: string, reason: string) =>
    `The documents folder ${dir} cannot be read (${reason}). Check its permissions, or point READOUT_SEEDS or --seeds at another folder.`,
  empty: () => 'the file is empty',
  tooLarge: (bytes: number, limit: number) =>
    `the file is ${formatBytes(bytes)}, over the ${formatBytes(limit)} limit; split it into smaller documents`,
  binary: () => 'the file looks binary (it contains NUL bytes), not text; save it as UTF-8 text',
  utf16: () => 'the file is UTF-16 text; save it as UTF-8',
  notUtf8: () => 'the file is not valid UTF-8 text; save it as UTF-8',
  unreadable: (reason: string) => `the file cannot be read (${reason})`,
  noSentences: () => 'the file has no sentences once site chrome is removed',
  duplicateId: (id: string, other: string) => `another file, ${other}, already has the id ${id}; rename one of them`,
  sidecarNotJson: (file: string, reason: string) => `${file} is not valid JSON (${reason}); the document loads without it`,
  sidecarInvalid: (file: string, field: string, reason: string) =>
    `${file}: field ${field} ${reason}; the document loads without the sidecar`,
  sidecarUnreadable: (file: string, reason: string) => `${file} cannot be read (${reason}); the document loads without it`,
  sidecarTooLarge: (file: string, bytes: number, limit: number) =>
    `${file} is ${formatBytes(bytes)}, over the ${formatBytes(limit)} limit for a sidecar; the document loads without it`,
  sidecarOrphan: (file: string) => `${file} has no document next to it (expected a .txt or .md file with the same name)`,
  impossibleDate: (written: string) => `"${written}" is not a real calendar date, so it was not used`,
  datelineWithoutYear: (dateline: string, id: string) =>
    `the dateline "${dateline}" gives no year and the page has no publication date; add "eventDate": "YYYY-MM-DD" to ${id}.meta.json`,
  noEventDate: (id: string) => `no event date in the text; add "eventDate": "YYYY-MM-DD" to ${id}.meta.json`,
} as const;

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} bytes`;
}
