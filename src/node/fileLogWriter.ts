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
    async append(chunk) {
      if (failure) throw failure;
      hash.update(chunk);
      if (!stream.write(chunk)) await once(stream, 'drain');
    },
    close() {
      closed ??= new Promise<string>((resolve, reject) => {
        stream.end(() => (failure ? reject(failure) : resolve(hash.digest('hex'))));
      });
      return closed;
    },
  };
}
