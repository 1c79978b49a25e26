import { layOutText } from '../render/fit-width.js';
import type { OutputStream } from './context.js';
import { tableWidthOf } from './table-width.js';

/**
 * Text meant for a person, written to `stream`: on a terminal, its prose wrapped to the
 * terminal's width (layOutText); to a pipe or a file, byte for byte as rendered.
 */
export function writeText(stream: OutputStream, text: string): void {
  const width = tableWidthOf(stream);
  stream.write(width === undefined ? text : layOutText(text, width));
}
