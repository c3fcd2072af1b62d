import { randomBytes } from 'node:crypto';
import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { commandMessages } from '../../commands/command-messages.js';
import { textReply } from '../../core/reply.js';
import type { TurnQueue } from '../../core/turn-queue.js';
import { handleButton } from './handle-button.js';
import { handleSlashCommand } from './handle-slash-command.js';
import { readSlashCommand } from './read-slack-payload.js';
import { ACTION_PREFIX } from './render-blocks.js';
import type { SlackDeps } from './slack-deps.js';
import { slackMessages } from './slack-messages.js';
import { toRespondArguments } from './to-respond-arguments.js';

export interface ListenerSupport {
  /** Keeps a running answer so stop() can wait for it; logs its failure. */
  track(work: Promise<void>, what: string): Promise<void>;
  /** Commands run one per event-loop turn, after their acknowledgement. */
  queue: TurnQueue;
}

type Ack = (response?: Record<string, unknown>) => Promise<void>;

/**
 * Every Slack listener: acknowledge first, then queue the work. Each runs inside a guard, so whatever
 * throws is acknowledged and answered with a reference id; buttons from older versions and views nobody
 * asked for are acknowledged and explained instead of left to Bolt's 404 after three seconds.
 */
export function registerListeners(app: App, deps: SlackDeps, support: ListenerSupport): void {
  const { logger } = deps;

  app.command(/^\/.+/, async ({ body, ack, respond }) => {
    const received = Date.now();
    const answer = allowedRespond(deps, body.response_url, respond);
    await guarded(deps, ack, answer, async (acknowledge) => {
      const read = readSlashCommand(body);
      if (!read.ok) {
        logger.warn({ field: read.field }, 'slack command with a malformed field');
        await acknowledge({ response_type: 'ephemeral', text: slackMessages.malformedRequest });
        return;
      }
      await acknowledge();
      if (!answer) return;
      const { command, text, team_id: team, channel_id: channel, user_id: user, channel_name: channelName } = read.value;
      // Command names come from the app manifest (a bounded set), never from free text.
      const name = command.replace(/^\//, '');
      deps.services.metrics?.commandAcked({ command: name, platform: 'slack', seconds: (Date.now() - received) / 1000 });
      const where = { team: deps.workspaceId(enterpriseOf(body), team), channel, user, ...(channelName ? { channelName } : {}) };
      const input = { command, text, where };
      void support.track(
        support.queue.run(() => handleSlashCommand(deps, input, answer)),
        command,
      );
    });
  });

  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: new RegExp(`^${ACTION_PREFIX}:`) },
    async ({ ack, body, action, respond }) => {
      const answer = allowedRespond(deps, body.response_url, respond);
      await guarded(deps, ack, answer, async (acknowledge) => {
        await acknowledge();
        if (!answer) return;
        const team = body.team?.id ?? body.user?.team_id ?? '';
        const where = { team: deps.workspaceId(enterpriseOf(body), team), channel: body.channel?.id ?? '', user: body.user?.id ?? '' };
        const click = {
          buttonId: String(action.action_id).split(':')[1] ?? '',
          value: typeof action.value === 'string' ? action.value : '',
          fromEphemeral: body.container?.['is_ephemeral'] === true,
          where,
        };
        void support.track(
          support.queue.run(() => handleButton(deps, click, answer)),
          String(action.action_id),
        );
      });
    },
  );

  // A button of another version of readout (or another app's block in our message): say it is stale.
  app.action({ type: 'block_actions', action_id: new RegExp(`^(?!${ACTION_PREFIX}:)`) }, async ({ ack, body, respond }) => {
    const answer = allowedRespond(deps, body.response_url, respond);
    await guarded(deps, ack, answer, async (acknowledge) => {
      await acknowledge();
      if (answer) await answer(toRespondArguments(textReply(slackMessages.buttonExpired, { isError: true }), deps.codec));
    });
  });
  // readout opens no modals or shortcuts; anything of the kind is acknowledged so Slack shows no error.
  app.view({ callback_id: /.*/, type: 'view_submission' }, async ({ ack }) => {
    await ack();
  });
  app.view({ callback_id: /.*/, type: 'view_closed' }, async ({ ack }) => {
    await ack();
  });
  app.shortcut(/.*/, async ({ ack }) => {
    await ack();
  });
}

/** The Enterprise Grid org a request comes from: `enterprise_id` on commands, `enterprise.id` on interactions. */
function enterpriseOf(body: unknown): string | undefined {
  const b = body as { enterprise_id?: unknown; enterprise?: { id?: unknown } | null };
  const id = typeof b.enterprise_id === 'string' ? b.enterprise_id : typeof b.enterprise?.id === 'string' ? b.enterprise.id : undefined;
  return id || undefined;
}

/**
 * The payload's respond function when its response_url is a Slack host readout may answer on; otherwise
 * nothing (the request is acknowledged and dropped), so a payload cannot make the server call a host it names.
 */
function allowedRespond(deps: SlackDeps, url: unknown, respond: RespondFn | undefined): RespondFn | undefined {
  if (!respond) return undefined;
  if (deps.responseUrlAllowed(url)) return respond;
  deps.logger.warn({ host: hostOf(url) }, 'slack response_url refused: not a host Slack answers on');
  return undefined;
}

function hostOf(url: unknown): string {
  try {
    return new URL(String(url)).host.slice(0, 100);
  } catch {
    return 'unreadable';
  }
}

/** Runs a listener body; a throw is acknowledged (once) and answered privately with a reference id. */
async function guarded(
  deps: SlackDeps,
  // biome-ignore lint/suspicious/noExplicitAny: commands ack with a message, actions with nothing; both are Bolt's AckFn
  ack: (response?: any) => Promise<void>,
  respond: RespondFn | undefined,
  body: (ack: Ack) => Promise<void>,
): Promise<void> {
  let acked = false;
  const acknowledge: Ack = async (response) => {
    if (acked) return;
    acked = true;
    await ack(response);
  };
  try {
    await body(acknowledge);
  } catch (error) {
    const refId = randomBytes(4).toString('hex');
    deps.logger.error({ refId, err: error }, 'slack listener failed');
    try {
      await acknowledge();
      if (respond) await respond(toRespondArguments(textReply(commandMessages.internalError(refId), { isError: true }), deps.codec));
    } catch (answerError) {
      deps.logger.error({ refId, err: answerError }, 'slack listener failure could not be answered');
    }
  }
}
