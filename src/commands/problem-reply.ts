import { type Reply, textReply } from '../core/reply.js';
import type { Problem } from '../core/user-error.js';

/** A core problem as a private, friendly reply, with its suggestions when it has any. */
export function problemReply(problem: Problem): Reply {
  const suggestions = problem.suggestions?.length ? ` Did you mean: ${problem.suggestions.slice(0, 5).join(', ')}?` : '';
  return textReply(`${problem.message}${suggestions}`, { isError: true });
}
