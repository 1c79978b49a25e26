// A zero-width joiner is shown as what it is (it can hide a difference between two names), except
// where it does what it is for: holding an emoji sequence together (👩‍👩‍👧, 🏳️‍🌈), between two
// pictographs. Shared by every output that shows invisible characters.

const PICTOGRAPH_BEFORE = /\p{Extended_Pictographic}(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])?$/u;
const PICTOGRAPH_AFTER = /^\p{Extended_Pictographic}/u;

/** Whether the character at `offset` of `text` is a zero-width joiner inside an emoji sequence. */
export function joinsEmoji(text: string, offset: number): boolean {
  if (text.charCodeAt(offset) !== 0x200d) return false;
  return PICTOGRAPH_BEFORE.test(text.slice(Math.max(0, offset - 4), offset)) && PICTOGRAPH_AFTER.test(text.slice(offset + 1, offset + 3));
}
