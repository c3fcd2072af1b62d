/** Prints one JSON document (or one JSON line in batch mode) to stdout. */
export function printJson(value: unknown, oneLine = false): void {
  process.stdout.write(`${oneLine ? JSON.stringify(value) : JSON.stringify(value, null, 2)}\n`);
}
