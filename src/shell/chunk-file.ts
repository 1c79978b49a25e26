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
    const bytes = Buffer.from(text, 'utf8');
    // A nearly full disk may take fewer bytes than given: the rest is written, or it throws.
    for (let done = 0; done < bytes.length;) done += writeSync(this.fd, bytes, done, bytes.length - done);
    const range = { start: this.offset, length: bytes.length };
    this.offset += bytes.length;
    return range;
  }

  close(): void {
    closeSync(this.fd);
  }
}

export class ChunkReader {
  private readonly fds = new Map<string, number>();

  read(path: string, range: ChunkRange): string {
    let fd = this.fds.get(path);
    if (fd === undefined) {
      fd = openSync(path, 'r');
      this.fds.set(path, fd);
    }
    const buffer = Buffer.alloc(range.length);
    readSync(fd, buffer, 0, range.length, range.start);
    return buffer.toString('utf8');
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}
