import { columnsOf, type OutputStream } from './context.js';

/**
 * The width to fit a table to: on a terminal, its columns (columnsOf); none for a pipe or a file,
 * which get the whole table, the same bytes as ever, for scripts to read.
 */
export function tableWidthOf(stream: OutputStream): number | undefined {
  return stream.isTTY ? columnsOf(stream) : undefined;
}
