import type { Sidecar } from '../corpus/sidecar-schema.js';

/** A document kept in the store: served beside the seeds folder's by every replica. */
export interface StoredDocument {
  /** `web-` and the first 12 hex digits of `contentHash`. */
  id: string;
  /** The article as plain text, paragraphs separated by blank lines, parsed like a seed file. */
  text: string;
  /** What a `.meta.json` sidecar would hold: title, dates, place, source. */
  sidecar: Sidecar;
  /** The address it was fetched from (after redirects), or null for a file or stdin. */
  sourceUrl: string | null;
  /** The page's canonical address when it names one, else the fetched one; unique across the store. */
  canonicalUrl: string | null;
  /** sha256 of the normalised text; unique across the store, so a syndicated copy is added once. */
  contentHash: string;
  /** Who added it: `slack:U123`, `cli:alice`, `feed:<url>`. */
  addedBy: string;
  /** When it was added (database time, ISO). */
  addedAt: string;
}

export type DocumentInput = Omit<StoredDocument, 'addedAt'> & {
  /** False to add it without telling the channels that follow new readouts (a bulk import); true by default. */
  announce?: boolean;
};

/** What `addDocument` did: added it, or found it already there (by which key). */
export type AddDocumentResult =
  | { added: true; document: StoredDocument }
  | { added: false; existing: StoredDocument; match: 'canonical_url' | 'content_hash' };

/** A feed readout polls for new readouts. */
export interface Feed {
  url: string;
  addedBy: string;
  addedAt: string;
  status: 'active' | 'disabled';
  /** Why it was disabled (the last failure), when it was. */
  disabledReason: string | null;
  /** Failures in a row since the last good poll. */
  failures: number;
  lastError: string | null;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  nextPollAt: string;
  /** True until the first good poll, which records the items already there without announcing them. */
  baselinePending: boolean;
  /** Items the first poll adds anyway (`--backfill N`). */
  backfill: number;
}

/** What a poll writes back for a feed it holds. */
export type FeedPollUpdate =
  | { ok: true; etag: string | null; lastModified: string | null; nextPollAt: Date }
  | { ok: false; error: string; nextPollAt: Date; disableAfter: number };

/** Documents and feeds: the part of the store that grows the corpus. */
export interface CorpusStore {
  /**
   * Adds a document unless one with the same canonical URL or text hash is there (checked atomically); in the same
   * transaction, unless `announce` is false, an announcement for the channels that follow new readouts.
   */
  addDocument(document: DocumentInput): Promise<AddDocumentResult>;
  /** The document with this canonical URL or this text hash, if any. */
  findDocument(match: { canonicalUrl?: string | null; contentHash?: string }): Promise<StoredDocument | undefined>;
  /** Every stored document, oldest first. */
  listDocuments(): Promise<StoredDocument[]>;
  /**
   * Calls `onChange` when documents were added, by this or any other process on the same database
   * (Postgres LISTEN/NOTIFY; a cheap poll on SQLite, whose writers share one host). Never throws into the caller.
   */
  watchDocuments(onChange: () => void, onError?: (error: Error) => void): Promise<{ stop(): Promise<void> }>;

  /** Adds a feed, or re-enables it (failures cleared) and sets its backfill when it is there already. */
  addFeed(feed: { url: string; addedBy: string; backfill: number; nextPollAt: Date }): Promise<{ feed: Feed; created: boolean }>;
  listFeeds(): Promise<Feed[]>;
  getFeed(url: string): Promise<Feed | undefined>;
  removeFeed(url: string): Promise<boolean>;
  /** Leases every active feed that is due and not leased by another process (at most `limit`), for `leaseMs` of database time. */
  claimDueFeeds(owner: string, leaseMs: number, limit: number): Promise<Feed[]>;
  /** Records a poll of a feed this caller still leases and lets the lease go; false when the lease was lost. */
  finishFeedPoll(url: string, owner: string, update: FeedPollUpdate): Promise<boolean>;
  /** Lets a feed lease this caller holds go without recording a poll: the feed stays due for the next claim; false when not held. */
  releaseFeed(url: string, owner: string): Promise<boolean>;
  /**
   * Leases a host to `owner` for `leaseMs` of database time unless another owner holds it (atomically); the holder
   * renews by claiming again. True when `owner` now holds it: only the holder fetches from the host.
   */
  claimFeedHost(host: string, owner: string, leaseMs: number): Promise<boolean>;
  /** Lets a host lease this owner holds go (nothing when another owner holds it). */
  releaseFeedHost(host: string, owner: string): Promise<void>;
  /** The identities not seen yet by any feed, in the order given. */
  unseenFeedItems(identities: readonly string[]): Promise<string[]>;
  /** Marks item identities as seen (first feed wins) and returns those that were new. */
  markFeedItemsSeen(feedUrl: string, identities: readonly string[]): Promise<string[]>;
}
