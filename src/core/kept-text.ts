// Text a batch keeps of each vendor while the rest are scored. A string read from a file may be a
// slice of the file's whole text, and holds all of it while it is kept; the same word read from
// thousands of files is thousands of strings.

/** Past this many different words, each is kept as a copy of its own: a vocabulary is small. */
const MAX_WORDS = 4096;

let words: Map<string, string> | undefined;

/** The text as a string of its own, holding nothing of the one it came from. */
export function ownCopy(text: string): string {
  return structuredClone(text);
}

/** One copy of each word of a small vocabulary (verdicts, categories, currencies), shared by every vendor that uses it. */
export function sharedWord(text: string): string {
  words ??= new Map();
  const known = words.get(text);
  if (known !== undefined) return known;
  const word = ownCopy(text);
  if (words.size < MAX_WORDS) words.set(word, word);
  return word;
}
