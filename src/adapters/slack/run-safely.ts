import { randomBytes } from 'node:crypto';
import { commandMessages } from '../../commands/command-messages.js';
import type { Logger } from '../../core/logger.js';
import { type Reply, textReply } from '../../core/reply.js';

/**
 * Runs the work behind one Slack request. dispatch() already turns command failures into replies;
 * this catches what fails around it (building the context, the store) so the user still hears back.
 */
export async function runSafely(logger: Logger, work: () => Promise<Reply>): Promise<Reply> {
  try {
    return await work();
  } catch (error) {
    const refId = randomBytes(4).toString('hex');
    logger.error({ refId, err: error }, 'slack request failed');
    return textReply(commandMessages.internalError(refId), { isError: true });
  }
}
