import type { AnyCommand } from '../../commands/command.js';
import { platformCommands } from '../../commands/platform-commands.js';
import { usageOf } from '../../commands/usage.js';
import { cutText } from './escape-mrkdwn.js';

/**
 * The scopes readout needs, and why: `commands` is all /lookup needs (replies go through response_url);
 * `chat:write` posts the digest; the history scopes let the digest find a post whose outcome was unknown in
 * public and private channels (DMs get no digest, so no im:/mpim:history); `users:read` tells who is a
 * workspace admin or owner, who may change a channel's digest; `files:write` shares /timeline's chart.
 */
export const SLACK_SCOPES = ['commands', 'chat:write', 'channels:history', 'groups:history', 'users:read', 'files:write'] as const;

/** Where the manifest lives and how it is regenerated; the drift test prints this. */
export const MANIFEST_PATH = 'slack/manifest.yml';
export const MANIFEST_COMMAND = 'npx tsx src/adapters/slack/write-manifest.ts';

/** Builds slack/manifest.yml from the command declarations, so the app registration never drifts from them. */
export function buildManifest(commands: readonly AnyCommand[]): string {
  const lines = [
    `# Generated from the command declarations by \`${MANIFEST_COMMAND}\`; do not edit by hand.`,
    '# Paste it at https://api.slack.com/apps -> Create New App -> From an app manifest.',
    '# Socket Mode is on, so no public URL is needed. For HTTP mode instead: set socket_mode_enabled to false,',
    '# add `url: https://<your host>/slack/events` to every slash command, and set interactivity.request_url to the same URL.',
    'display_information:',
    '  name: readout',
    `  description: ${yamlString('Lookups, quotes and an on-this-day digest over Chinese bilateral-diplomacy readouts.')}`,
    '  background_color: "#2c3e50"',
    'features:',
    '  bot_user:',
    '    display_name: readout',
    '    always_online: false',
    '  slash_commands:',
  ];
  for (const platform of platformCommands(commands)) {
    const hint = platform.command
      ? usageHint(platform.command)
      : (platform.subcommands ?? []).map((sub) => [sub.name, usageHint(sub)].filter(Boolean).join(' ')).join(' | ');
    lines.push(`    - command: /${platform.name}`);
    lines.push(`      description: ${yamlString(cutText(platform.description, 100))}`);
    if (hint) lines.push(`      usage_hint: ${yamlString(cutText(hint, 200))}`);
    lines.push('      should_escape: false');
  }
  lines.push(
    'oauth_config:',
    '  scopes:',
    '    bot:',
    ...SLACK_SCOPES.map((scope) => `      - ${scope}`),
    'settings:',
    '  interactivity:',
    '    is_enabled: true',
    '  org_deploy_enabled: false',
    '  socket_mode_enabled: true',
    '  token_rotation_enabled: false',
  );
  return `${lines.join('\n')}\n`;
}

/** A command's usage without its leading `/name`, as Slack shows it after the command. */
function usageHint(command: AnyCommand): string {
  return usageOf(command).replace(/^\/\S+\s*/, '');
}

/** JSON strings are valid YAML double-quoted scalars, so no YAML library is needed. */
function yamlString(text: string): string {
  return JSON.stringify(text);
}
