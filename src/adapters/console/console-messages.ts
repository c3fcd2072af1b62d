/** What the console itself says (not command answers), worded once. */
export const consoleMessages = {
  welcome: 'readout console. Type /help for the commands, /quit to leave.',
  quitHint: '(To quit, press Ctrl-C again on an empty line, or Ctrl-D, or type /quit.)',
  more: '-- more: Enter for the next page, q to stop -- ',
  cancelled: 'Cancelled. (Its answer, if it still comes, will not be shown.)',
} as const;
