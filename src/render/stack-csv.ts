import { STACK_COLUMNS, type StackRow } from '../core/economics/stack-rows.js';
import { csv } from './csv.js';

// The stack's long table as CSV: the header line `quarter,section,item,measure,value,unit,source`
// (which `--out` recognises as a stack export it may replace), then one figure a row. Values go
// out as JS numbers, so csvCell leaves them as they are (a negative one stays a number); every
// text, a vendor's name included, is guarded against starting a formula. A figure not given is an
// empty cell.

export function stackCsv(rows: readonly StackRow[]): string {
  return csv([STACK_COLUMNS, ...rows.map((r) => [r.quarter, r.section, r.item, r.measure, r.value, r.unit, r.source])]);
}
