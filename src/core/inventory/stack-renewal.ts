import { isCalendarDate } from '../period.js';
import { quoted } from '../problem.js';
import type { CellRead } from './stack-amount.js';

// A renewal as a stack spreadsheet writes it: a date (ISO; 31/05/2027 the one way it can be read,
// 03/04/2027 as --date-format says), a quarter (`Q3 2027`, `2027-Q3`, `2027 Q3`: the last day of
// that quarter), or a word for "not known" (`TBD`, `n/a`, `-`, `?`, `unknown`), which is no
// renewal, never an error.

export type DateFormat = 'iso' | 'dmy' | 'mdy';

/** Cells that say the value is not known: no renewal (or no spend), not a problem. */
export const UNKNOWN_CELL = /^(?:tbd|tba|tbc|n\/?a|none|unknown|not known|-+|–|—|\?+)$/i;

const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'] as const;

/** The renewal date, or undefined where the cell says it is not known. */
export function readRenewal(text: string, format: DateFormat): CellRead<string | undefined> {
  if (text === '' || UNKNOWN_CELL.test(text)) return { ok: true, value: undefined };
  if (isCalendarDate(text)) return { ok: true, value: text };
  const quarterFirst = /^Q([1-4])[\s/-]*(\d{4})$/i.exec(text);
  const yearFirst = /^(\d{4})[\s/-]*Q([1-4])$/i.exec(text);
  if (quarterFirst || yearFirst) {
    const [quarter, year] = quarterFirst ? [quarterFirst[1]!, quarterFirst[2]!] : [yearFirst![2]!, yearFirst![1]!];
    return { ok: true, value: `${year}-${QUARTER_END[Number(quarter) - 1]!}` };
  }
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) {
    const [a, b, year] = [match[1]!, match[2]!, match[3]!];
    const as = (day: string, month: string) => `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    // With no --date-format, a date only one way can be read (31/05/2027) is that date; 03/04/2027 is asked about.
    const readings = (format === 'dmy' ? [as(a, b)] : format === 'mdy' ? [as(b, a)] : [...new Set([as(a, b), as(b, a)])]).filter(isCalendarDate);
    if (readings.length === 1) return { ok: true, value: readings[0]! };
    if (readings.length === 2) {
      return {
        ok: false,
        message: `${quoted(text)} could be ${readings[0]} or ${readings[1]}: aiclaim does not guess`,
        hint: 'pass --date-format dmy (31/03/2027) or mdy (03/31/2027), or write dates as YYYY-MM-DD',
      };
    }
  }
  return {
    ok: false,
    message: `${quoted(text)} is not a date aiclaim can read`,
    hint: match
      ? 'write dates as YYYY-MM-DD, or pass --date-format dmy (31/03/2027) or mdy (03/31/2027)'
      : 'write a date as YYYY-MM-DD, a quarter as Q3 2027, or TBD when it is not known',
  };
}
