import { type Reply, textReply } from '../core/reply.js';
import type { Problem } from '../core/user-error.js';

/** A core problem as a private, friendly reply, with its suggestions when it has any. */
export function problemReply(problem: Problem): Reply {
  const offered = problem.suggestions?.slice(0, 5) ?? [];
  // Core messages often name their suggestions already; only add them when they are not in the text.
  const suggestions = offered.length && !offered.some((s) => problem.message.includes(s)) ? ` Did you mean: ${offered.join(', ')}?` : '';
  return textReply(`${problem.message}${suggestions}`, { isError: true });
}
