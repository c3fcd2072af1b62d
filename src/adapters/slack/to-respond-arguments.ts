import type { RespondArguments } from '@slack/bolt';
import type { Reply } from '../../core/reply.js';
import type { ButtonCodec } from './button-codec.js';
import { renderBlocks } from './render-blocks.js';

/** A neutral reply as a response_url message: ephemeral or in the channel, as the reply asks. */
export function toRespondArguments(reply: Reply, codec: ButtonCodec, options: { replaceOriginal?: boolean } = {}): RespondArguments {
  const message = renderBlocks(reply, { buttonValue: codec.encode, continuation: codec.encodePage });
  return {
    response_type: reply.visibility === 'public' ? 'in_channel' : 'ephemeral',
    replace_original: options.replaceOriginal ?? false,
    text: message.text,
    blocks: message.blocks,
  };
}
