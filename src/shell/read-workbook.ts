import { MAX_WORKBOOK_BYTES } from '../core/workbook/open-workbook.js';
import { readInputBytes } from './read-input.js';
import { ProblemsError } from './user-error.js';

// Which input files are workbooks, and their bytes, read bounded: the one place the commands that
// take a spreadsheet (import of the stack, import of answers) tell a workbook from a CSV.

const WORKBOOK_NAME = /\.(xlsx|xltx|xlsm|xltm)$/i;
const MACRO_ENABLED = /\.(xlsm|xltm)$/i;

/** Whether the path names a workbook (a macro-enabled one too: it is refused when read). */
export function isWorkbookName(path: string): boolean {
  return WORKBOOK_NAME.test(path);
}

/** A workbook's bytes, at most MAX_WORKBOOK_BYTES; a macro-enabled one is refused by its name, unread. */
export async function readWorkbookBytes(path: string, shown: string): Promise<Uint8Array> {
  if (MACRO_ENABLED.test(path))
    throw new ProblemsError([
      {
        file: shown,
        message: 'is a macro-enabled workbook: aiclaim does not open those',
        hint: 'save it as Excel Workbook (.xlsx), or as CSV',
        severity: 'error',
      },
    ]);
  const read = await readInputBytes(path, shown, MAX_WORKBOOK_BYTES);
  if (!read.ok) throw new ProblemsError([read.problem]);
  return read.bytes;
}
