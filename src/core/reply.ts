/**
 * The platform-neutral reply model: it describes content, never markup.
 * Renderers in each adapter turn it into Block Kit, Discord embeds or terminal text,
 * and escape corpus/user text for their platform.
 */

/** A run of text; `match` marks words that matched a query (renderers make them bold). */
export interface Span {
  text: string;
  match?: boolean;
  emphasis?: 'strong' | 'em' | 'code';
}

export type RichText = Span[];

/** Where a piece of text comes from. */
export interface Citation {
  docId: string;
  title: string;
  /** 0-based paragraph index, when the text is one paragraph. */
  paragraph?: number;
  date?: string | null;
  place?: string | null;
  source?: string | null;
}

export interface Field {
  label: string;
  value: string;
}

/** Re-invokes a command with text arguments, exactly as a user could type it. */
export interface Action {
  command: string;
  args: string;
}

export interface Button {
  /** Stable id of the button's purpose: `more`, `shuffle`, `post`, `open`, `share`. */
  id: 'more' | 'shuffle' | 'post' | 'open' | 'share';
  label: string;
  action: Action;
  style?: 'primary' | 'danger';
}

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: RichText }
  /** Muted, secondary text (counts, hints, "nearby" markers). */
  | { kind: 'note'; text: string }
  | { kind: 'fields'; fields: Field[] }
  | { kind: 'list'; items: RichText[] }
  /** A search hit or a document item: a title, a body and its citation; an empty title continues the document above. */
  | { kind: 'result'; title: string; body: RichText; citation: Citation; fields?: Field[] }
  /**
   * An attributed statement: `text` is the source's words (insertions in [brackets], cuts as " … ").
   * `direct` (the default) is the speaker's own words, which renderers put in quotation marks after the
   * speaker's name; `indirect` is reported speech, shown as it is, never in quotation marks, and named
   * by the renderer only when `namesSpeaker` is not set (the text names them itself).
   */
  | { kind: 'quote'; speaker: string; text: RichText; citation: Citation; speech?: 'direct' | 'indirect'; namesSpeaker?: boolean };

/**
 * A picture readout drew, as SVG, with the words that say what it shows (alt text). Adapters that can
 * show images render it to PNG and upload it; the others show the reply's blocks, which carry the same numbers.
 */
export interface Picture {
  svg: string;
  alt: string;
  /** File name without extension, e.g. `timeline-trade`. */
  fileName: string;
}

export interface Reply {
  /** `ephemeral`: only the asker sees it; `public`: the whole channel. */
  visibility: 'ephemeral' | 'public';
  blocks: Block[];
  buttons: Button[];
  /** One plain line for notifications and platforms that cannot show blocks. */
  fallback: string;
  /** True when the reply reports a user error (bad input, nothing found). */
  isError?: boolean;
  picture?: Picture;
}

/** The citation every renderer shows: `docId ¶paragraph · date · place · source`, the paragraph counted from 1 for people. */
export function citationText(c: Citation): string {
  const parts = [`${c.docId}${c.paragraph !== undefined ? ` ¶${c.paragraph + 1}` : ''}`];
  if (c.date) parts.push(c.date);
  if (c.place) parts.push(c.place);
  if (c.source) parts.push(c.source);
  return parts.join(' · ');
}

/** Whether a renderer shows the speaker's name before a quote block: always for the speaker's own words, else when the text does not name them. */
export function showsSpeakerLabel(block: { speech?: 'direct' | 'indirect'; namesSpeaker?: boolean }): boolean {
  return block.speech !== 'indirect' || !block.namesSpeaker;
}

/** Plain text of a rich text, for fallbacks and tests. */
export function plainText(text: RichText): string {
  return text.map((span) => span.text).join('');
}

/** A reply that is one line of text: confirmations, user errors. */
export function textReply(text: string, options: { visibility?: Reply['visibility']; isError?: boolean } = {}): Reply {
  return {
    visibility: options.visibility ?? 'ephemeral',
    blocks: [{ kind: 'text', text: codeSpans(text) }],
    buttons: [],
    fallback: text,
    ...(options.isError ? { isError: true } : {}),
  };
}

/**
 * Our messages mark commands and option names with backticks (`/help lookup`); this turns each
 * backtick pair into a code span, so renderers show code instead of literal (or escaped) backticks.
 */
export function codeSpans(text: string): RichText {
  const spans: RichText = [];
  const pattern = /`([^`\n]+)`/g;
  let cursor = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > cursor) spans.push({ text: text.slice(cursor, index) });
    spans.push({ text: match[1]!, emphasis: 'code' });
    cursor = index + match[0].length;
  }
  if (cursor < text.length || spans.length === 0) spans.push({ text: text.slice(cursor) });
  return spans;
}
