// A step's log file: every chunk is handed to the OS as it arrives (so a crash loses
// nothing already printed), SHA-256 computed along the way.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { LogWriter } from '../core/ports';

export async function openLogWriter(absolutePath: string, relativePath: string): Promise<LogWriter> {
  const stream = createWriteStream(absolutePath, { flags: 'w', highWaterMark: 1024 * 1024 });
  await once(stream, 'open');
  const hash = createHash('sha256');
  let failure: Error | null = null;
  stream.on('error', (error) => {
    failure ??= error;
  });
  let closed: Promise<string> | null = null;
  return {
    relativePath,
    append(chunk) {
      if (failure) throw failure;
      // Encode once: the same bytes feed the hash and the file.
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      hash.update(bytes);
      // Wait only when the stream's buffer is full (the caller then pauses the process).
      return stream.write(bytes) ? undefined : once(stream, 'drain').then(() => undefined);
    },
    close() {
      closed ??= new Promise<string>((resolve, reject) => {
        stream.end(() => (failure ? reject(failure) : resolve(hash.digest('hex'))));
      });
      return closed;
    },
  };
}
