// A step attempt's log: every chunk is written to the OS as it arrives (so a crash loses
// nothing already printed), SHA-256 computed along the way. Opened with "wx": an existing
// file is never overwritten.
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import type { LogWriter } from '../core/ports';

export function openLogWriter(absolutePath: string, relativePath: string): LogWriter {
  const fd = openSync(absolutePath, 'wx');
  const hash = createHash('sha256');
  let bytesWritten = 0;
  let closed: { sha256: string; bytes: number } | null = null;
  return {
    relativePath,
    append(chunk) {
      if (closed !== null) throw new Error(`log ${relativePath} is closed`);
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      hash.update(bytes);
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
      bytesWritten += bytes.length;
    },
    async close() {
      if (closed === null) {
        closeSync(fd);
        closed = { sha256: hash.digest('hex'), bytes: bytesWritten };
      }
      return closed;
    },
  };
}
