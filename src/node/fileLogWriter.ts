// A step's log file: every chunk is written to the OS as it arrives (so a crash loses
// nothing already printed), SHA-256 computed along the way.
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import type { LogWriter } from '../core/ports';

export async function openLogWriter(absolutePath: string, relativePath: string): Promise<LogWriter> {
  const fd = openSync(absolutePath, 'w');
  const hash = createHash('sha256');
  let closed: string | null = null;
  return {
    relativePath,
    append(chunk) {
      if (closed !== null) throw new Error(`log ${relativePath} is closed`);
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      hash.update(bytes);
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    },
    async close() {
      if (closed === null) {
        closeSync(fd);
        closed = hash.digest('hex');
      }
      return closed;
    },
  };
}
