/** Made on first use: nothing is built on import. */
let graphemes: Intl.Segmenter | undefined;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Text on one line, cut to `max` characters with an ellipsis: for titles and labels. A character is
 * what a reader sees as one (a grapheme cluster): the cut never splits a surrogate pair, an emoji
 * sequence joined by ZWJ, a flag or a letter from its combining marks.
 */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  // No more code units than `max`, so no more graphemes either.
  if (flat.length <= max) return flat;
  // Printable ASCII is one grapheme a character: cut without segmenting.
  if (PRINTABLE_ASCII.test(flat)) return `${flat.slice(0, Math.max(0, max - 1))}…`;
  let count = 0;
  let cut = 0; // the end of the first max - 1 graphemes
  for (const { segment, index } of (graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(flat)) {
    count += 1;
    if (count > max) return `${flat.slice(0, cut)}…`;
    if (count < max) cut = index + segment.length;
  }
  return flat;
}
