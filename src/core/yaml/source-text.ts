// Turns the bytes of an input file into text, refusing what is not a text file.

export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export type DecodeResult = { ok: true; text: string } | { ok: false; message: string; hint: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeSource(bytes: Uint8Array, maxBytes = MAX_INPUT_BYTES): DecodeResult {
  if (bytes.byteLength > maxBytes) {
    return {
      ok: false,
      message: `file is too large (${formatBytes(bytes.byteLength)}; the limit is ${formatBytes(maxBytes)})`,
      hint: 'split it, or check that this is the file you meant',
    };
  }
  if (bytes.byteLength === 0) return { ok: false, message: 'file is empty', hint: 'add content or remove the file' };
  if (bytes.includes(0)) {
    return { ok: false, message: 'file is binary, not YAML text', hint: 'point aiclaim at .yaml files only' };
  }
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, message: 'file is not valid UTF-8 text', hint: 're-save it with UTF-8 encoding' };
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

/** Line and column (1-based) of a character offset, found on demand: only errors need them. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
