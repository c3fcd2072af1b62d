import { addCommand } from './add-command.js';
import type { AnyCommand } from './command.js';
import { corpusCommand } from './corpus-command.js';
import { digestCommand } from './digest-command.js';
import { docCommand } from './doc-command.js';
import { feedsCommand } from './feeds-command.js';
import { createHelpCommand } from './help-command.js';
import { lookupCommand } from './lookup-command.js';
import { onThisDayCommand } from './onthisday-command.js';
import { quoteCommand } from './quote-command.js';
import { reloadCommand } from './reload-command.js';
import { speakersCommand } from './speakers-command.js';
import { timelineCommand } from './timeline-command.js';

/** Every command readout offers, declared once; adapters, help and registration data all read this list. */
export const commands: readonly AnyCommand[] = [
  lookupCommand,
  quoteCommand,
  onThisDayCommand,
  timelineCommand,
  digestCommand,
  docCommand,
  speakersCommand,
  corpusCommand,
  reloadCommand,
  addCommand,
  feedsCommand,
  createHelpCommand(() => commands),
];
