import { shorten } from './shorten.js';

/** The lookup command's own wording, in one place. */
export const lookupMessages = {
  moreInDocumentButton: (count: number, docId: string) => `${count} more in ${docId.slice(0, 12)}`,
  moreInDocumentHint: (count: number, query: string, docId: string) =>
    `${count} more in this document: /lookup ${shorten(query)} --doc ${docId}`,
} as const;
