import { closeSync, openSync, readSync } from 'node:fs';

const BLOCK_BYTES = 1024 * 1024;

/**
 * Calls `visit` with each non-empty line of a file, the byte range it takes and its bytes (valid
 * only during the call), reading a block at a time: the cache of a snapshot of the whole landscape
 * is some 60 MB.
 */
export function eachLine(path: string, visit: (line: string, start: number, end: number, bytes: Buffer) => void, blockBytes = BLOCK_BYTES): void {
  const fd = openSync(path, 'r');
  try {
    const block = Buffer.allocUnsafe(blockBytes);
    let pending = Buffer.alloc(0); // the unfinished line at the end of the last block
    let pendingStart = 0; // where it starts in the file
    let position = 0;
    for (;;) {
      const n = readSync(fd, block, 0, blockBytes, position);
      const data = n === 0 ? pending : Buffer.concat([pending, block.subarray(0, n)]);
      let start = 0;
      for (let end = data.indexOf(10); end !== -1; end = data.indexOf(10, start)) {
        if (end > start) {
          const bytes = data.subarray(start, end);
          visit(bytes.toString('utf8'), pendingStart + start, pendingStart + end, bytes);
        }
        start = end + 1;
      }
      if (n === 0) {
        if (start < data.length) {
          const bytes = data.subarray(start);
          visit(bytes.toString('utf8'), pendingStart + start, pendingStart + data.length, bytes);
        }
        return;
      }
      pending = data.subarray(start);
      pendingStart += start;
      position += n;
    }
  } finally {
    closeSync(fd);
  }
}
