import { closeSync, openSync, readSync, writeSync } from 'node:fs';

// Text appended to a file piece by piece, each piece found again by its byte range: how a large
// snapshot is assembled without holding it in memory.

export interface ChunkRange {
  start: number;
  length: number;
}

export class ChunkWriter {
  private readonly fd: number;
  private offset = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  append(text: string): ChunkRange {
    // Written as a string, the text is encoded outside the JavaScript heap: no buffer per vendor left to collect.
    const length = Buffer.byteLength(text, 'utf8');
    let done = writeSync(this.fd, text, null, 'utf8');
    if (done < length) {
      // A nearly full disk may take fewer bytes than given: the rest is written, or it throws.
      const bytes = Buffer.from(text, 'utf8');
      while (done < length) done += writeSync(this.fd, bytes, done, length - done);
    }
    const range = { start: this.offset, length };
    this.offset += length;
    return range;
  }

  close(): void {
    closeSync(this.fd);
  }
}

export class ChunkReader {
  private readonly fds = new Map<string, number>();

  private buffer = Buffer.alloc(64 * 1024);

  /** The bytes of a range, in a buffer the next call reuses: to be copied on, not kept. */
  bytes(path: string, range: ChunkRange): Uint8Array {
    let fd = this.fds.get(path);
    if (fd === undefined) {
      fd = openSync(path, 'r');
      this.fds.set(path, fd);
    }
    if (this.buffer.length < range.length) this.buffer = Buffer.alloc(Math.max(range.length, 2 * this.buffer.length));
    for (let done = 0; done < range.length;) {
      const read = readSync(fd, this.buffer, done, range.length - done, range.start + done);
      if (read === 0) throw new Error(`${path} ends before the part written to it`);
      done += read;
    }
    return this.buffer.subarray(0, range.length);
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}
