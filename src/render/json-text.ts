import { dataEscaped } from './terminal-text.js';

// JSON as aiclaim prints it: indented, one line break at the end, and no character in a string a
// terminal would act on (dataEscaped): the data is the same, read back by any JSON reader.

export function jsonText(data: unknown): string {
  return `${dataEscaped(JSON.stringify(data, null, 2), 'json')}\n`;
}
